package com.worklib.venue.workspace;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.money.Money;
import com.worklib.platform.money.PriceBreakdown;
import com.worklib.platform.money.PriceUnit;
import com.worklib.platform.money.Pricing;
import com.worklib.platform.money.VatRate;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;
import com.worklib.venue.establishment.Establishment;
import com.worklib.venue.establishment.EstablishmentRepository;
import com.worklib.venue.partner.PartnerRepository;
import com.worklib.venue.shared.VenueEvents;
import com.worklib.venue.workspace.Workspace.WorkspaceDetails;

@Service
public class WorkspaceService {

	private final WorkspaceRepository workspaces;

	private final EstablishmentRepository establishments;

	private final PartnerRepository partners;

	private final PartnerAccess access;

	private final VenueEvents events;

	WorkspaceService(WorkspaceRepository workspaces, EstablishmentRepository establishments, PartnerRepository partners,
			PartnerAccess access, VenueEvents events) {
		this.workspaces = workspaces;
		this.establishments = establishments;
		this.partners = partners;
		this.access = access;
		this.events = events;
	}

	/** A workspace with the price this caller may see. */
	public record PricedWorkspace(Workspace workspace, Money amountExclVat, boolean partnerPrice) {
	}

	@Transactional
	public Workspace create(UUID establishmentId, WorkspaceDetails details, CurrentUser user) {
		Establishment establishment = this.establishments.findById(establishmentId)
			.orElseThrow(() -> new NotFoundException("Establishment " + establishmentId));
		this.access.requireWrite(user, establishment.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		Workspace created = new Workspace(UUID.randomUUID(), establishmentId, establishment.partnerId(), details, null,
				1);
		this.workspaces.insert(created);
		this.events.publish(created.event(true));
		return created;
	}

	@Transactional
	public Workspace update(UUID workspaceId, WorkspaceDetails details, CurrentUser user) {
		Workspace current = this.workspaces.findById(workspaceId)
			.orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
		this.access.requireWrite(user, current.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		if (current.details().equals(details)) {
			return current;
		}
		Workspace changed = current.changedTo(details);
		this.workspaces.update(changed);
		this.events.publish(changed.event(false));
		return changed;
	}

	/**
	 * Public read: inactive workspaces are visible to the partner's members and ops only.
	 */
	@Transactional(readOnly = true)
	public PricedWorkspace get(UUID workspaceId, CurrentUser user) {
		Workspace workspace = this.workspaces.findById(workspaceId)
			.filter(w -> w.details().active() || this.access.seesPartnerData(user, w.partnerId()))
			.orElseThrow(() -> new NotFoundException("Workspace " + workspaceId));
		return priced(workspace, user);
	}

	@Transactional(readOnly = true)
	public List<PricedWorkspace> ofEstablishment(UUID establishmentId, CurrentUser user) {
		Establishment establishment = this.establishments.findById(establishmentId)
			.orElseThrow(() -> new NotFoundException("Establishment " + establishmentId));
		boolean partnerView = this.access.seesPartnerData(user, establishment.partnerId());
		return this.workspaces.findByEstablishment(establishmentId, !partnerView)
			.stream()
			.map(w -> priced(w, user))
			.toList();
	}

	public PricedWorkspace priced(Workspace workspace, CurrentUser user) {
		if (this.access.seesPartnerData(user, workspace.partnerId())) {
			return new PricedWorkspace(workspace, workspace.details().price(), true);
		}
		int feeBps = this.partners.findById(workspace.partnerId()).orElseThrow().platformFeeBps();
		return new PricedWorkspace(workspace, customerUnitPrice(workspace.details(), feeBps), false);
	}

	/**
	 * What one unit at this price means for the partner and for the person who books,
	 * under the partner's platform fee: the back-office shows it while the price is
	 * typed, so the page computes nothing itself.
	 */
	@Transactional(readOnly = true)
	public PriceBreakdown preview(UUID partnerId, PriceUnit unit, Money unitPriceExclVat, VatRate vatRate,
			CurrentUser user) {
		this.access.requireRead(user, partnerId, "Partner " + partnerId);
		int feeBps = this.partners.findById(partnerId)
			.orElseThrow(() -> new NotFoundException("Partner " + partnerId))
			.platformFeeBps();
		return Pricing.price(unitPriceExclVat, unit, BigDecimal.ONE, vatRate, feeBps);
	}

	/**
	 * Partner price plus the platform fee for one unit, excluding VAT: the same function
	 * bookings use.
	 */
	public static Money customerUnitPrice(WorkspaceDetails details, int platformFeeBps) {
		PriceBreakdown price = Pricing.price(details.price(), details.unit(), BigDecimal.ONE, details.vatRate(),
				platformFeeBps);
		return price.amountExclVat().plus(price.platformFee());
	}

}
