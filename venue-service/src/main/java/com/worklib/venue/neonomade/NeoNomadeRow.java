package com.worklib.venue.neonomade;

import com.worklib.venue.establishment.Establishment.EstablishmentDetails;
import com.worklib.venue.workspace.Workspace.WorkspaceDetails;

/** One valid line of the export: a workspace, its establishment and its partner. */
record NeoNomadeRow(long line, String nnPartnerId, PartnerData partner, String nnEstablishmentId,
		EstablishmentDetails establishment, String nnWorkspaceId, WorkspaceDetails workspace) {

	record PartnerData(String legalName, String migrationEmail, int platformFeeBps) {
	}

}
