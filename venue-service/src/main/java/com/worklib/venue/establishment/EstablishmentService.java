package com.worklib.venue.establishment;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.worklib.platform.domain.NotFoundException;
import com.worklib.platform.security.CurrentUser;
import com.worklib.platform.security.PartnerAccess;
import com.worklib.platform.security.PartnerRole;
import com.worklib.venue.establishment.Establishment.EstablishmentDetails;
import com.worklib.venue.partner.PartnerRepository;
import com.worklib.venue.shared.VenueEvents;

@Service
public class EstablishmentService {

	private final EstablishmentRepository establishments;

	private final PartnerRepository partners;

	private final PartnerAccess access;

	private final VenueEvents events;

	EstablishmentService(EstablishmentRepository establishments, PartnerRepository partners, PartnerAccess access,
			VenueEvents events) {
		this.establishments = establishments;
		this.partners = partners;
		this.access = access;
		this.events = events;
	}

	@Transactional
	public Establishment create(UUID partnerId, EstablishmentDetails details, CurrentUser user) {
		this.partners.findById(partnerId).orElseThrow(() -> new NotFoundException("Partner " + partnerId));
		this.access.requireWrite(user, partnerId, PartnerRole.OWNER, PartnerRole.MANAGER);
		Establishment created = new Establishment(UUID.randomUUID(), partnerId, details.name(), details.address(),
				details.timezone(), details.openingHours(), details.description(), details.bookingContact(), null, 1,
				details.accessInstructions());
		this.establishments.insert(created);
		this.events.publish(created.event(true));
		return created;
	}

	/**
	 * Changes what differs; an identical request changes nothing and publishes nothing.
	 */
	@Transactional
	public Establishment update(UUID establishmentId, EstablishmentDetails details, CurrentUser user) {
		Establishment current = get(establishmentId);
		this.access.requireWrite(user, current.partnerId(), PartnerRole.OWNER, PartnerRole.MANAGER);
		if (current.sameDetailsAs(details)) {
			return current;
		}
		Establishment changed = current.changedTo(details);
		this.establishments.update(changed);
		this.events.publish(changed.event(false));
		return changed;
	}

	@Transactional(readOnly = true)
	public Establishment get(UUID establishmentId) {
		return this.establishments.findById(establishmentId)
			.orElseThrow(() -> new NotFoundException("Establishment " + establishmentId));
	}

	@Transactional(readOnly = true)
	public List<Establishment> ofPartner(UUID partnerId, long offset, int limit, CurrentUser user) {
		this.access.requireRead(user, partnerId, "Partner " + partnerId);
		return this.establishments.findByPartner(partnerId, offset, limit);
	}

	public long countOfPartner(UUID partnerId) {
		return this.establishments.countByPartner(partnerId);
	}

	/**
	 * Members of the establishment's partner (any role) and ops see the booking contact.
	 */
	public boolean seesPartnerData(CurrentUser user, UUID partnerId) {
		return this.access.seesPartnerData(user, partnerId);
	}

}
