/**
 * The implementation of the test kit. No compatibility promise.
 */
package dev.softdelete.test.internal;
