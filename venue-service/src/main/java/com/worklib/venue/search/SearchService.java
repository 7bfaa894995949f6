package com.worklib.venue.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.platform.domain.SearchKeys;
import com.worklib.platform.domain.FieldValidationException;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.establishment.EstablishmentRepository;
import com.worklib.venue.workspace.Workspace;
import com.worklib.venue.workspace.WorkspaceService.PricedWorkspace;
import com.worklib.venue.workspace.WorkspaceService;
import com.worklib.venue.workspace.WorkspaceType;

/**
 * Establishments with at least one active workspace that matches, by name, with those
 * workspaces. A read across the establishment and workspace tables; it writes nothing.
 */
@Service
public class SearchService {

	private final JdbcClient jdbc;

	private final EstablishmentRepository establishments;

	private final WorkspaceService workspaces;

	SearchService(JdbcClient jdbc, EstablishmentRepository establishments, WorkspaceService workspaces) {
		this.jdbc = jdbc;
		this.establishments = establishments;
		this.workspaces = workspaces;
	}

	/**
	 * @param city matched accent- and case-insensitively; null or blank for any
	 * @param minCapacity at least 1 when given
	 */
	@Transactional(readOnly = true)
	public Results search(String city, WorkspaceType type, Integer minCapacity, long offset, int limit) {
		if (minCapacity != null && minCapacity < 1) {
			throw FieldValidationException.of("minCapacity", "must be 1 or more");
		}
		StringBuilder workspaceFilter = new StringBuilder("w.establishment_id = e.id AND w.active");
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (city != null && !city.isBlank()) {
			where.append(" AND e.city_key = :cityKey");
			params.put("cityKey", SearchKeys.of(city));
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
			.param("limit", limit)
			.param("offset", offset)
			.query(UUID.class)
			.list();
		Map<UUID, Establishment> byId = new LinkedHashMap<>();
		ids.forEach(id -> byId.put(id, null));
		this.establishments.findByIds(ids).forEach(e -> byId.put(e.id(), e));
		List<Match> matches = new ArrayList<>();
		for (Establishment establishment : byId.values()) {
			List<PricedWorkspace> matching = this.workspaces.ofEstablishment(establishment.id(), null)
				.stream()
				.filter(p -> matches(p, type, minCapacity))
				.toList();
			matches.add(new Match(establishment, matching));
		}
		return new Results(matches, total);
	}

	private static boolean matches(PricedWorkspace priced, WorkspaceType type, Integer minCapacity) {
		Workspace w = priced.workspace();
		return (type == null || w.details().type() == type)
				&& (minCapacity == null || w.details().capacity() >= minCapacity);
	}

	/** One page of establishments, and how many match in all. */
	public record Results(List<Match> matches, long total) {
	}

	public record Match(Establishment establishment, List<PricedWorkspace> workspaces) {
	}

}
