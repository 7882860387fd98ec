/**
 * The {@code sluice} command line: {@code serve} runs the gateway, {@code publish} sends an event
 * to a running one, {@code token} mints development tokens, {@code policy explain} answers "may
 * this identity do that" from a configuration file, {@code version} prints the version.
 *
 * <p>Each subcommand is a picocli command class; {@link io.sluice.cli.Sluice} wires them. Exit
 * codes: 0 success, 1 the action failed (e.g. a refused publish), 2 bad usage or configuration.
 */
package io.sluice.cli;
