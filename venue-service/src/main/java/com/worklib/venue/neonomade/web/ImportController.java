package com.worklib.venue.neonomade.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.venue.neonomade.ImportReport;
import com.worklib.venue.neonomade.NeoNomadeImporter;
import com.worklib.platform.security.CurrentUser;

@RestController
@RequestMapping("/api/venues/v1")
class ImportController {

	private final NeoNomadeImporter importer;

	ImportController(NeoNomadeImporter importer) {
		this.importer = importer;
	}

	/**
	 * Ops uploads the Neo-nomade export as the raw request body
	 * ({@code Content-Type: text/csv}).
	 */
	@PostMapping(path = "/imports/neo-nomade", consumes = { "text/csv", "text/plain", "application/octet-stream" })
	ImportResponse importNeoNomade(HttpServletRequest request) throws IOException {
		CurrentUser.requireOps("Only Worklib operations may import Neo-nomade exports");
		return ImportResponse.of(this.importer.importCsv(request.getInputStream()));
	}

	/**
	 * What an import did. {@code establishments} and {@code workspaces} count those
	 * created or changed (API.md); the created/updated split and {@code rowsUnchanged}
	 * are additive.
	 */
	record ImportResponse(int partnersCreated, int partnersUpdated, int establishments, int workspaces,
			int establishmentsCreated, int establishmentsUpdated, int workspacesCreated, int workspacesUpdated,
			int rowsUnchanged, List<Error> errors) {

		static ImportResponse of(ImportReport r) {
			return new ImportResponse(r.partnersCreated(), r.partnersUpdated(), r.establishments(), r.workspaces(),
					r.establishmentsCreated(), r.establishmentsUpdated(), r.workspacesCreated(), r.workspacesUpdated(),
					r.rowsUnchanged(), r.errors().stream().map(e -> new Error(e.line(), e.message())).toList());
		}

	}

	record Error(long line, String message) {
	}

}
