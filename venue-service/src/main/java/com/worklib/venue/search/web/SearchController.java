package com.worklib.venue.search.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.worklib.platform.web.FieldValidationException;
import com.worklib.platform.web.PageResponse;
import com.worklib.platform.web.PageResponse.PageQuery;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.establishment.EstablishmentRepository;
import com.worklib.venue.establishment.web.EstablishmentResponse;
import com.worklib.venue.shared.Texts;
import com.worklib.venue.workspace.Workspace;
import com.worklib.venue.workspace.WorkspaceService;
import com.worklib.venue.workspace.WorkspaceService.PricedWorkspace;
import com.worklib.venue.workspace.WorkspaceType;
import com.worklib.venue.workspace.web.WorkspaceResponse;

/**
 * {@code GET /search}: establishments with at least one matching active workspace, with
 * those workspaces.
 */
@RestController
@RequestMapping("/api/venues/v1")
class SearchController {

	private final JdbcClient jdbc;

	private final EstablishmentRepository establishments;

	private final WorkspaceService workspaces;

	SearchController(JdbcClient jdbc, EstablishmentRepository establishments, WorkspaceService workspaces) {
		this.jdbc = jdbc;
		this.establishments = establishments;
		this.workspaces = workspaces;
	}

	record SearchResult(EstablishmentResponse establishment, List<WorkspaceResponse> workspaces) {
	}

	@GetMapping("/search")
	@Transactional(readOnly = true)
	PageResponse<SearchResult> search(@RequestParam(required = false) String city,
			@RequestParam(required = false) WorkspaceType type, @RequestParam(required = false) Integer minCapacity,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		PageQuery query = PageQuery.of(page, size);
		if (minCapacity != null && minCapacity < 1) {
			throw FieldValidationException.of("minCapacity", "must be 1 or more");
		}
		StringBuilder workspaceFilter = new StringBuilder("w.establishment_id = e.id AND w.active");
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (city != null && !city.isBlank()) {
			where.append(" AND e.city_key = :cityKey");
			params.put("cityKey", Texts.searchKey(city));
		}
		if (type != null) {
			workspaceFilter.append(" AND w.type = :type");
			params.put("type", type.name());
		}
		if (minCapacity != null) {
			workspaceFilter.append(" AND w.capacity >= :minCapacity");
			params.put("minCapacity", minCapacity);
		}
		String from = " FROM establishment e WHERE EXISTS (SELECT 1 FROM workspace w WHERE " + workspaceFilter + ")"
				+ where;
		long total = this.jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
		List<UUID> ids = this.jdbc.sql("SELECT e.id" + from + " ORDER BY e.name, e.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", query.size())
			.param("offset", query.offset())
			.query(UUID.class)
			.list();
		Map<UUID, Establishment> byId = new LinkedHashMap<>();
		ids.forEach(id -> byId.put(id, null));
		this.establishments.findByIds(ids).forEach(e -> byId.put(e.id(), e));
		List<SearchResult> results = new ArrayList<>();
		for (Establishment establishment : byId.values()) {
			List<WorkspaceResponse> matching = this.workspaces.ofEstablishment(establishment.id(), null)
				.stream()
				.filter(p -> matches(p, type, minCapacity))
				.map(WorkspaceResponse::of)
				.toList();
			results.add(new SearchResult(EstablishmentResponse.of(establishment, false), matching));
		}
		return PageResponse.of(results, query, total);
	}

	private static boolean matches(PricedWorkspace priced, WorkspaceType type, Integer minCapacity) {
		Workspace w = priced.workspace();
		return (type == null || w.details().type() == type)
				&& (minCapacity == null || w.details().capacity() >= minCapacity);
	}

}
