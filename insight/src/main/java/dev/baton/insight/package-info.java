/** Event logs, process discovery, conformance checking and the orchestration-debt report. */
package dev.baton.insight;
