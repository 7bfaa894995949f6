package com.worklib.web.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.OpsApi;
import com.worklib.web.api.UserApi;

/**
 * The ops console. A person without the realm role {@code ops} gets the forbidden page on
 * every address here, before any call is made for them. Closings and payment runs are
 * started, then watched on their own page, which refreshes itself while they run.
 */
@Controller
@RequestMapping("/ops")
class OpsPages {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final int PAGE_SIZE = 50;

	private final UserApi user;

	private final OpsApi ops;

	private final Clock clock;

	OpsPages(UserApi user, OpsApi ops, Clock clock) {
		this.user = user;
		this.ops = ops;
		this.clock = clock;
	}

	/** Every page of the console is for ops only. */
	@ModelAttribute
	void onlyOps(Model model) {
		if (!this.user.me().roles().contains("ops")) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("ops", true);
	}

	@GetMapping
	String console(Model model) {
		YearMonth lastMonth = YearMonth.now(this.clock.withZone(PARIS)).minusMonths(1);
		model.addAttribute("lastMonth", lastMonth);
		model.addAttribute("today", LocalDate.now(this.clock.withZone(PARIS)));
		return "ops/console";
	}

	/**
	 * One import's outcome: its counts, its refused lines, and them as a CSV to download.
	 */
	record Imported(String fileName, OpsApi.ImportResult result, String errorsCsv) {
	}

	@PostMapping("/imports")
	String importCsv(@RequestParam("file") MultipartFile file,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		if (file.isEmpty()) {
			model.addAttribute("importRefused", "empty");
			return htmx != null ? "ops/console :: importResult" : console(model);
		}
		try {
			OpsApi.ImportResult result = this.ops.importNeoNomade(file.getBytes());
			model.addAttribute("imported", new Imported(file.getOriginalFilename(), result, errorsCsv(result)));
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400) {
				throw problem;
			}
			model.addAttribute("importRefused", problem.getMessage());
			model.addAttribute("importErrors", problem.errors());
		}
		return htmx != null ? "ops/console :: importResult" : console(model);
	}

	/**
	 * The refused lines as a CSV (line;message), to hand back to whoever fixes the file.
	 */
	static String errorsCsv(OpsApi.ImportResult result) {
		StringBuilder csv = new StringBuilder("line;message\r\n");
		for (OpsApi.ImportErrorLine e : result.errors()) {
			csv.append(e.line()).append(';').append('"').append(e.message().replace("\"", "\"\"")).append('"');
			csv.append("\r\n");
		}
		return "data:text/csv;charset=utf-8;base64,"
				+ Base64.getEncoder().encodeToString(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/partners")
	String partners(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String wanted = "CLAIMED".equals(status) || "UNCLAIMED".equals(status) ? status : null;
		model.addAttribute("q", q);
		model.addAttribute("status", wanted);
		model.addAttribute("partners", this.ops.partners(q, wanted, Math.max(0, page), PAGE_SIZE));
		return "ops/partners";
	}

	@PostMapping("/closings")
	String startClosing(@RequestParam String month, RedirectAttributes redirect) {
		try {
			return "redirect:/ops/closings/" + this.ops.startClosing(month);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400 && problem.status() != 422) {
				throw problem;
			}
			redirect.addFlashAttribute("closingRefused", problem.getMessage());
			return "redirect:/ops#cloture";
		}
	}

	/** A skipped partner with its name, when the console could look it up. */
	record SkippedPartner(UUID partnerId, String name, String reason) {
	}

	@GetMapping("/closings/{closingId}")
	String closing(@PathVariable UUID closingId, Model model) {
		OpsApi.Closing closing = this.ops.closing(closingId);
		List<SkippedPartner> skipped = new ArrayList<>();
		for (OpsApi.Skipped s : closing.skipped()) {
			// names for the first screenful; the rest by id
			String name = skipped.size() < PAGE_SIZE ? nameOf(s.partnerId()) : null;
			skipped.add(new SkippedPartner(s.partnerId(), name, s.reason()));
		}
		model.addAttribute("closing", closing);
		model.addAttribute("skipped", skipped);
		return "ops/closing";
	}

	private String nameOf(UUID partnerId) {
		try {
			return this.user.partner(partnerId).name();
		}
		catch (ApiProblem gone) {
			return null;
		}
	}

	@PostMapping("/payment-runs")
	String startRun(@RequestParam String date, RedirectAttributes redirect) {
		try {
			return "redirect:/ops/payment-runs/" + this.ops.startRun(date);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 400 && problem.status() != 422) {
				throw problem;
			}
			redirect.addFlashAttribute("runRefused", problem.getMessage());
			return "redirect:/ops#virements";
		}
	}

	@GetMapping("/payment-runs/{runId}")
	String run(@PathVariable UUID runId, Model model) {
		model.addAttribute("run", this.ops.run(runId));
		return "ops/run";
	}

	@GetMapping("/dead-letters")
	String deadLetters(Model model) {
		Map<String, List<OpsApi.DeadLetter>> byService = new LinkedHashMap<>();
		Map<String, String> unreachable = new LinkedHashMap<>();
		for (String service : OpsApi.SERVICES.keySet()) {
			try {
				byService.put(service, this.ops.deadLetters(service));
			}
			catch (ApiProblem problem) {
				// one service away must not hide the others' dead letters
				unreachable.put(service, problem.getMessage());
			}
		}
		model.addAttribute("byService", byService);
		model.addAttribute("unreachable", unreachable);
		return "ops/dead-letters";
	}

	@PostMapping("/dead-letters/replay")
	String replay(@RequestParam String service, @RequestParam String topic, @RequestParam int partition,
			@RequestParam long offset, RedirectAttributes redirect) {
		if (!OpsApi.SERVICES.containsKey(service)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			this.ops.replay(service, topic, partition, offset);
			redirect.addFlashAttribute("replayed", topic + " " + partition + "/" + offset);
		}
		catch (ApiProblem problem) {
			if (problem.status() >= 500) {
				throw problem;
			}
			redirect.addFlashAttribute("replayRefused", problem.getMessage());
		}
		return "redirect:/ops/dead-letters";
	}

	@GetMapping("/mails")
	String mails(@RequestParam(required = false) String recipient, Model model) {
		model.addAttribute("recipient", recipient);
		if (recipient != null && !recipient.isBlank()) {
			model.addAttribute("deliveries", this.ops.deliveries(recipient.trim()));
		}
		return "ops/mails";
	}

}
