/**
 * Wiring only: the bootstrap phases (service contributors, the mapping contributor, the integrator),
 * annotation reading and validation, cascade planning, and the {@code StateManagement} that hands
 * Hibernate the coordinators of the feature packages. The top of the package graph.
 */
package dev.softdelete.hibernate.internal.boot;
