package com.worklib.venue.search.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.web.PageResponse.PageQuery;
import com.worklib.platform.web.PageResponse;
import com.worklib.venue.establishment.web.EstablishmentResponse;
import com.worklib.venue.search.SearchService;
import com.worklib.venue.workspace.WorkspaceType;
import com.worklib.venue.workspace.web.WorkspaceResponse;

/**
 * {@code GET /search}: establishments with at least one matching active workspace, with
 * those workspaces.
 */
@RestController
@RequestMapping("/api/venues/v1")
class SearchController {

	private final SearchService search;

	SearchController(SearchService search) {
		this.search = search;
	}

	record SearchResult(EstablishmentResponse establishment, List<WorkspaceResponse> workspaces) {
	}

	@GetMapping("/search")
	PageResponse<SearchResult> search(@RequestParam(required = false) String city,
			@RequestParam(required = false) WorkspaceType type, @RequestParam(required = false) Integer minCapacity,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		SearchService.Results results = this.search.search(city, type, minCapacity, query.offset(), query.size());
		List<SearchResult> items = results.matches()
			.stream()
			.map(m -> new SearchResult(EstablishmentResponse.of(m.establishment(), false),
					m.workspaces().stream().map(WorkspaceResponse::of).toList()))
			.toList();
		return PageResponse.of(items, query, results.total());
	}

}
