/**
 * Spring Boot auto-configuration of softdelete and its {@code softdelete.*} properties.
 */
package dev.softdelete.spring.autoconfigure;
