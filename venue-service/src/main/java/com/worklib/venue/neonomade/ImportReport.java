package com.worklib.venue.neonomade;

import java.util.List;

/**
 * What an import did. {@code establishments} and {@code workspaces} count those created
 * or changed (API.md); the created/updated split and {@code rowsUnchanged} are additive.
 */
public record ImportReport(int partnersCreated, int partnersUpdated, int establishments, int workspaces,
		int establishmentsCreated, int establishmentsUpdated, int workspacesCreated, int workspacesUpdated,
		int rowsUnchanged, List<ImportError> errors) {
}
