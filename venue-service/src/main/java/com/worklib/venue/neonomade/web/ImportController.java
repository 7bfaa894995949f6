package com.worklib.venue.neonomade.web;

import java.io.IOException;

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
	ImportReport importNeoNomade(HttpServletRequest request) throws IOException {
		CurrentUser.requireOps("Only Worklib operations may import Neo-nomade exports");
		return this.importer.importCsv(request.getInputStream());
	}

}
