/**
 * The local spec-kitty lifecycle: init, specify, plan, tasks, lanes, accept — each recording
 * events.
 */
package dev.speckitty.cli.workflow;
