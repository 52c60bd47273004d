/** Syncing with the team server: connection check, push of queued events, pull of teammates'. */
package dev.speckitty.cli.sync;
