package com.worklib.venue.neonomade;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.worklib.platform.messaging.EventPublisher.OutgoingEvent;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.establishment.EstablishmentRepository;
import com.worklib.venue.neonomade.NeoNomadeRow.PartnerData;
import com.worklib.venue.partner.Partner;
import com.worklib.venue.partner.PartnerRepository;
import com.worklib.venue.partner.PartnerStatus;
import com.worklib.venue.shared.VenueEvents;
import com.worklib.venue.workspace.Workspace;
import com.worklib.venue.workspace.WorkspaceRepository;

/**
 * Imports the Neo-nomade export. Idempotent on Neo-nomade ids: a re-import changes (and
 * publishes) only what differs. A line is imported whole or not at all; bad lines are
 * reported with their number and the good ones imported. The first line that mentions a
 * partner or an establishment defines it; a later line that describes it differently is
 * refused.
 */
@Service
public class NeoNomadeImporter {

	private static final Logger log = LoggerFactory.getLogger(NeoNomadeImporter.class);

	static final int CHUNK = 500;

	private final PartnerRepository partners;

	private final EstablishmentRepository establishments;

	private final WorkspaceRepository workspaces;

	private final VenueEvents events;

	private final TransactionTemplate transactions;

	NeoNomadeImporter(PartnerRepository partners, EstablishmentRepository establishments,
			WorkspaceRepository workspaces, VenueEvents events, PlatformTransactionManager transactionManager) {
		this.partners = partners;
		this.establishments = establishments;
		this.workspaces = workspaces;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public ImportReport importCsv(InputStream csv) {
		Run run = new Run();
		List<NeoNomadeRow> chunk = new ArrayList<>(CHUNK);
		NeoNomadeCsv.read(csv, row -> {
			if (run.consistent(row)) {
				chunk.add(row);
			}
			if (chunk.size() == CHUNK) {
				run.importChunk(chunk);
				chunk.clear();
			}
		}, run.errors::add);
		run.importChunk(chunk);
		run.errors.sort(Comparator.comparingLong(ImportError::line));
		return run.report();
	}

	/** State of one import: what the file said first, and what is stored. */
	private final class Run {

		final List<ImportError> errors = new ArrayList<>();

		final Map<String, Long> partnerFirstLine = new HashMap<>();

		final Map<String, PartnerData> partnerData = new HashMap<>();

		final Map<String, Long> establishmentFirstLine = new HashMap<>();

		final Map<String, NeoNomadeRow> establishmentData = new HashMap<>();

		final Set<String> workspacesSeen = new HashSet<>();

		final Set<String> codesAssigned = new HashSet<>();

		// stored state, by Neo-nomade id, as this import left it
		final Map<String, Partner> partnerByNn = new HashMap<>();

		final Map<String, Establishment> establishmentByNn = new HashMap<>();

		final Map<String, Workspace> workspaceByNn = new HashMap<>();

		int partnersCreated;

		int partnersUpdated;

		int establishmentsCreated;

		int establishmentsUpdated;

		int workspacesCreated;

		int workspacesUpdated;

		int rowsUnchanged;

		final Writes writes = new Writes();

		/**
		 * Writes what the chunk decided, in batches: partners before their places, events
		 * last.
		 */
		private void flush() {
			NeoNomadeImporter.this.partners.insertAll(this.writes.newPartners);
			NeoNomadeImporter.this.partners.updateAll(this.writes.changedPartners);
			NeoNomadeImporter.this.establishments.insertAll(this.writes.newEstablishments);
			NeoNomadeImporter.this.establishments.updateAll(this.writes.changedEstablishments);
			NeoNomadeImporter.this.workspaces.insertAll(this.writes.newWorkspaces);
			NeoNomadeImporter.this.workspaces.updateAll(this.writes.changedWorkspaces);
			NeoNomadeImporter.this.events.publishAll(this.writes.events);
			this.writes.clear();
		}

		boolean consistent(NeoNomadeRow row) {
			Long partnerLine = this.partnerFirstLine.putIfAbsent(row.nnPartnerId(), row.line());
			if (partnerLine == null) {
				this.partnerData.put(row.nnPartnerId(), row.partner());
			}
			else if (!this.partnerData.get(row.nnPartnerId()).equals(row.partner())) {
				return refuse(row, "partner " + row.nnPartnerId() + " is described differently on line " + partnerLine
						+ " (legal name, migration email or platform fee)");
			}
			Long establishmentLine = this.establishmentFirstLine.putIfAbsent(row.nnEstablishmentId(), row.line());
			if (establishmentLine == null) {
				this.establishmentData.put(row.nnEstablishmentId(), row);
			}
			else {
				NeoNomadeRow first = this.establishmentData.get(row.nnEstablishmentId());
				if (!first.nnPartnerId().equals(row.nnPartnerId())
						|| !first.establishment().equals(row.establishment())) {
					return refuse(row, "establishment " + row.nnEstablishmentId() + " is described differently on line "
							+ establishmentLine);
				}
			}
			if (!this.workspacesSeen.add(row.nnWorkspaceId())) {
				return refuse(row, "workspace " + row.nnWorkspaceId() + " appears on an earlier line");
			}
			return true;
		}

		private boolean refuse(NeoNomadeRow row, String message) {
			this.errors.add(new ImportError(row.line(), message));
			return false;
		}

		void importChunk(List<NeoNomadeRow> rows) {
			if (rows.isEmpty()) {
				return;
			}
			Snapshot before = snapshot();
			this.writes.clear();
			try {
				NeoNomadeImporter.this.transactions.executeWithoutResult(status -> {
					load(rows);
					rows.forEach(this::importRow);
					flush();
				});
			}
			catch (RuntimeException ex) {
				// one line broke the chunk: undo what the chunk did in memory, then line
				// by line
				log.warn("Import chunk failed ({}); retrying its {} lines one by one", ex.getMessage(), rows.size());
				before.restore(this);
				this.writes.clear();
				for (NeoNomadeRow row : rows) {
					Snapshot single = snapshot();
					try {
						NeoNomadeImporter.this.transactions.executeWithoutResult(status -> {
							load(List.of(row));
							importRow(row);
							flush();
						});
					}
					catch (RuntimeException rowFailure) {
						single.restore(this);
						this.writes.clear();
						this.errors.add(new ImportError(row.line(), "could not be saved: " + rootMessage(rowFailure)));
					}
				}
			}
		}

		private void load(List<NeoNomadeRow> rows) {
			Set<String> partnerIds = new HashSet<>();
			Set<String> establishmentIds = new HashSet<>();
			Set<String> workspaceIds = new HashSet<>();
			for (NeoNomadeRow row : rows) {
				if (!this.partnerByNn.containsKey(row.nnPartnerId())) {
					partnerIds.add(row.nnPartnerId());
				}
				if (!this.establishmentByNn.containsKey(row.nnEstablishmentId())) {
					establishmentIds.add(row.nnEstablishmentId());
				}
				workspaceIds.add(row.nnWorkspaceId());
			}
			NeoNomadeImporter.this.partners.findByNeoNomadeIds(partnerIds)
				.forEach(p -> this.partnerByNn.put(p.neoNomadeId(), p));
			NeoNomadeImporter.this.establishments.findByNeoNomadeIds(establishmentIds)
				.forEach(e -> this.establishmentByNn.put(e.neoNomadeId(), e));
			NeoNomadeImporter.this.workspaces.findByNeoNomadeIds(workspaceIds)
				.forEach(w -> this.workspaceByNn.put(w.neoNomadeId(), w));
		}

		private void importRow(NeoNomadeRow row) {
			Partner partner = this.partnerByNn.get(row.nnPartnerId());
			Establishment establishment = this.establishmentByNn.get(row.nnEstablishmentId());
			Workspace workspace = this.workspaceByNn.get(row.nnWorkspaceId());
			if (establishment != null && (partner == null || !establishment.partnerId().equals(partner.id()))) {
				throw new IllegalStateException("establishment " + row.nnEstablishmentId()
						+ " belongs to another partner since an earlier import");
			}
			if (workspace != null && (partner == null || !workspace.partnerId().equals(partner.id()))) {
				throw new IllegalStateException(
						"workspace " + row.nnWorkspaceId() + " belongs to another partner since an earlier import");
			}
			boolean changed = false;
			PartnerData data = row.partner();
			if (partner == null) {
				String code = NeoNomadeImporter.this.partners.newCode(data.legalName(), this.codesAssigned);
				this.codesAssigned.add(code);
				partner = new Partner(UUID.randomUUID(), code, data.legalName(), PartnerStatus.UNCLAIMED,
						data.platformFeeBps(), data.migrationEmail(), row.nnPartnerId(), 1);
				this.writes.newPartners.add(partner);
				this.writes.events.add(partner.event(true));
				this.partnersCreated++;
				changed = true;
			}
			else if (!partner.hasImportedData(data.legalName(), data.platformFeeBps(), data.migrationEmail())) {
				partner = partner.withImportedData(data.legalName(), data.platformFeeBps(), data.migrationEmail());
				this.writes.changedPartners.add(partner);
				this.writes.events.add(partner.event(false));
				this.partnersUpdated++;
				changed = true;
			}
			this.partnerByNn.put(row.nnPartnerId(), partner);

			var details = withDescriptionOf(establishment, row);
			if (establishment == null) {
				establishment = new Establishment(UUID.randomUUID(), partner.id(), details.name(), details.address(),
						details.timezone(), details.openingHours(), null, details.bookingContact(),
						row.nnEstablishmentId(), 1, null);
				this.writes.newEstablishments.add(establishment);
				this.writes.events.add(establishment.event(true));
				this.establishmentsCreated++;
				changed = true;
			}
			else if (!establishment.sameDetailsAs(details)) {
				establishment = establishment.changedTo(details);
				this.writes.changedEstablishments.add(establishment);
				this.writes.events.add(establishment.event(false));
				this.establishmentsUpdated++;
				changed = true;
			}
			this.establishmentByNn.put(row.nnEstablishmentId(), establishment);

			if (workspace == null) {
				workspace = new Workspace(UUID.randomUUID(), establishment.id(), partner.id(), row.workspace(),
						row.nnWorkspaceId(), 1);
				this.writes.newWorkspaces.add(workspace);
				this.writes.events.add(workspace.event(true));
				this.workspacesCreated++;
				changed = true;
			}
			else if (!workspace.establishmentId().equals(establishment.id())
					|| !workspace.details().equals(row.workspace())) {
				workspace = workspace.movedTo(establishment.id(), row.workspace());
				this.writes.changedWorkspaces.add(workspace);
				this.writes.events.add(workspace.event(false));
				this.workspacesUpdated++;
				changed = true;
			}
			this.workspaceByNn.put(row.nnWorkspaceId(), workspace);
			if (!changed) {
				this.rowsUnchanged++;
			}
		}

		/**
		 * The export has no description nor access instructions: a partner's own survive
		 * a re-import.
		 */
		private Establishment.EstablishmentDetails withDescriptionOf(Establishment current, NeoNomadeRow row) {
			var d = row.establishment();
			return new Establishment.EstablishmentDetails(d.name(), d.address(), d.timezone(), d.openingHours(),
					current == null ? null : current.description(), d.bookingContact(),
					current == null ? null : current.accessInstructions());
		}

		Snapshot snapshot() {
			return new Snapshot(new HashMap<>(this.partnerByNn), new HashMap<>(this.establishmentByNn),
					new HashMap<>(this.workspaceByNn), new HashSet<>(this.codesAssigned),
					new int[] { this.partnersCreated, this.partnersUpdated, this.establishmentsCreated,
							this.establishmentsUpdated, this.workspacesCreated, this.workspacesUpdated,
							this.rowsUnchanged });
		}

		ImportReport report() {
			return new ImportReport(this.partnersCreated, this.partnersUpdated,
					this.establishmentsCreated + this.establishmentsUpdated,
					this.workspacesCreated + this.workspacesUpdated, this.establishmentsCreated,
					this.establishmentsUpdated, this.workspacesCreated, this.workspacesUpdated, this.rowsUnchanged,
					List.copyOf(this.errors));
		}

	}

	/** What a chunk will write, collected so it goes to the database in a few batches. */
	private static final class Writes {

		final List<Partner> newPartners = new ArrayList<>();

		final List<Partner> changedPartners = new ArrayList<>();

		final List<Establishment> newEstablishments = new ArrayList<>();

		final List<Establishment> changedEstablishments = new ArrayList<>();

		final List<Workspace> newWorkspaces = new ArrayList<>();

		final List<Workspace> changedWorkspaces = new ArrayList<>();

		final List<OutgoingEvent> events = new ArrayList<>();

		void clear() {
			this.newPartners.clear();
			this.changedPartners.clear();
			this.newEstablishments.clear();
			this.changedEstablishments.clear();
			this.newWorkspaces.clear();
			this.changedWorkspaces.clear();
			this.events.clear();
		}

	}

	/**
	 * The in-memory state of a run before a transaction, to restore when it rolls back.
	 */
	private record Snapshot(Map<String, Partner> partners, Map<String, Establishment> establishments,
			Map<String, Workspace> workspaces, Set<String> codes, int[] counters) {

		void restore(Run run) {
			replace(run.partnerByNn, this.partners);
			replace(run.establishmentByNn, this.establishments);
			replace(run.workspaceByNn, this.workspaces);
			run.codesAssigned.clear();
			run.codesAssigned.addAll(this.codes);
			run.partnersCreated = this.counters[0];
			run.partnersUpdated = this.counters[1];
			run.establishmentsCreated = this.counters[2];
			run.establishmentsUpdated = this.counters[3];
			run.workspacesCreated = this.counters[4];
			run.workspacesUpdated = this.counters[5];
			run.rowsUnchanged = this.counters[6];
		}

		private static <K, V> void replace(Map<K, V> target, Map<K, V> source) {
			target.clear();
			target.putAll(source);
		}

	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return Objects.requireNonNullElse(root.getMessage(), root.getClass().getSimpleName());
	}

}
