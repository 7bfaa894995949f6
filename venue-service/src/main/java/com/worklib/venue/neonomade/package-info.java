/**
 * The Neo-nomade export import: a semicolon-separated CSV, one row per workspace,
 * idempotent on Neo-nomade ids, all-or-nothing per row, with an error per bad line
 * (docs/neo-nomade-import.md).
 */
package com.worklib.venue.neonomade;
