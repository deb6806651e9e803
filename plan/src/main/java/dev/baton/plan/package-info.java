/**
 * Priorities and the capacity-feasible quarter roadmap, each decision with its reason; the same
 * solver core schedules PSPLIB resource-constrained projects as an external check.
 */
package dev.baton.plan;
