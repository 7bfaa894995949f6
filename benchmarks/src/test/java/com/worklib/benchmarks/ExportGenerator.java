package com.worklib.benchmarks;

import java.util.List;

/**
 * A Neo-nomade export of any size, shaped like the real one: 5 workspaces per
 * establishment, 4 establishments per partner, French cities and accents.
 */
final class ExportGenerator {

	static final List<String> CITIES = List.of("Paris", "Lyon", "Marseille", "Bordeaux", "Saint-Étienne", "Nantes",
			"Lille", "Toulouse", "Besançon", "Orléans");

	private ExportGenerator() {
	}

	static String generate(int rows) {
		StringBuilder csv = new StringBuilder(rows * 260);
		csv.append("nn_partner_id;partner_legal_name;migration_email;platform_fee_percent;nn_establishment_id;"
				+ "establishment_name;address_line1;address_line2;postal_code;city;country;timezone;opening_hours;"
				+ "booking_contact_email;booking_contact_phone;nn_workspace_id;workspace_type;workspace_name;capacity;"
				+ "booking_mode;price_unit;price_excl_vat;vat_rate_percent\n");
		for (int i = 0; i < rows; i++) {
			int establishment = i / 5;
			int partner = establishment / 4;
			String city = CITIES.get(establishment % CITIES.size());
			String[] type = switch (i % 5) {
				case 0, 1 -> new String[] { "desk", "Open space " + i, "12", "instant", "day", "22,50" };
				case 2 -> new String[] { "meeting_room", "Salle Écrin " + i, "8", "request", "hour", "35" };
				case 3 -> new String[] { "private_office", "Bureau « Privé » " + i, "4", "instant", "half_day", "120" };
				default -> new String[] { "desk", "Poste; nomade " + i, "1", "instant", "hour", "4,50" };
			};
			csv.append("NN-P-")
				.append(partner)
				.append(";Coworking Bench ")
				.append(partner)
				.append(" SAS;owner")
				.append(partner)
				.append("@bench.example.fr;15;NN-E-")
				.append(establishment)
				.append(";Espace ")
				.append(establishment)
				.append(";")
				.append(establishment % 90 + 1)
				.append(" rue de la République;;69002;")
				.append(city)
				.append(";FR;Europe/Paris;mon-fri 08:00-19:00, sat 09:00-13:00;resa")
				.append(establishment)
				.append("@bench.example.fr;04 72 10 20 30;NN-W-")
				.append(i)
				.append(";")
				.append(type[0])
				.append(";\"")
				.append(type[1])
				.append("\";")
				.append(type[2])
				.append(";")
				.append(type[3])
				.append(";")
				.append(type[4])
				.append(";")
				.append(type[5])
				.append(";20\n");
		}
		return csv.toString();
	}

}
