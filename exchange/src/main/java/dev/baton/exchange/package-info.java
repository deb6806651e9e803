/** Importers and exporters between the tools teams use, the process-mining formats and Baton's event log. */
package dev.baton.exchange;
