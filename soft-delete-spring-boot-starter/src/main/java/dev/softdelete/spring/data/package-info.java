/**
 * Spring Data JPA repository helpers: {@link dev.softdelete.spring.data.SoftDeleteRepository}.
 */
package dev.softdelete.spring.data;
