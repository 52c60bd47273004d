/** Who you are on the server: login, tokens, their safe storage and transparent refresh. */
package dev.speckitty.cli.auth;
