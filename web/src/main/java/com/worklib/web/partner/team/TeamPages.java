package com.worklib.web.partner.team;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.worklib.web.api.ApiProblem;
import com.worklib.web.api.UserApi;

/**
 * "Équipe": the members with their roles, the invitations, invite, revoke, change a role,
 * remove a member. Only owners manage the team (the API says so with a 403, which this
 * page turns into a sentence for managers and finance members); the last-owner rule is
 * the API's, and its refusal is explained on the page.
 */
@Controller
class TeamPages {

	static final List<String> ROLES = List.of("OWNER", "MANAGER", "FINANCE");

	private final UserApi api;

	TeamPages(UserApi api) {
		this.api = api;
	}

	record InviteForm(@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName,
			@NotBlank @Email @Size(max = 254) String email, @NotBlank String role) {
	}

	@GetMapping("/partners/{partnerId}/equipe")
	String team(@PathVariable UUID partnerId, Model model) {
		model.addAttribute("inviteForm", new InviteForm("", "", "", "MANAGER"));
		return page(partnerId, model);
	}

	@PostMapping("/partners/{partnerId}/equipe/invitations")
	String invite(@PathVariable UUID partnerId, @Valid @ModelAttribute InviteForm inviteForm, BindingResult form,
			Model model, RedirectAttributes redirect) {
		if (!form.hasErrors()) {
			try {
				this.api.invite(partnerId, inviteForm.email().trim(), inviteForm.firstName().trim(),
						inviteForm.lastName().trim(), inviteForm.role());
				redirect.addFlashAttribute("invited", inviteForm.email().trim());
				return "redirect:/partners/" + partnerId + "/equipe";
			}
			catch (ApiProblem problem) {
				if (problem.status() == 403 || problem.status() == 404) {
					throw problem;
				}
				problem.reject(form, Set.of("firstName", "lastName", "email", "role"));
			}
		}
		return page(partnerId, model);
	}

	@PostMapping("/partners/{partnerId}/equipe/invitations/{invitationId}/revoke")
	String revoke(@PathVariable UUID partnerId, @PathVariable UUID invitationId, @RequestParam String email,
			RedirectAttributes redirect) {
		this.api.revokeInvitation(partnerId, invitationId);
		redirect.addFlashAttribute("revoked", email);
		return "redirect:/partners/" + partnerId + "/equipe";
	}

	@PostMapping("/partners/{partnerId}/equipe/membres/{userId}/role")
	String changeRole(@PathVariable UUID partnerId, @PathVariable UUID userId, @RequestParam String role,
			@RequestParam String name, RedirectAttributes redirect) {
		return refusedOrDone(partnerId, redirect, () -> this.api.changeRole(partnerId, userId, role), "roleChanged",
				name);
	}

	@PostMapping("/partners/{partnerId}/equipe/membres/{userId}/remove")
	String remove(@PathVariable UUID partnerId, @PathVariable UUID userId, @RequestParam String name,
			RedirectAttributes redirect) {
		return refusedOrDone(partnerId, redirect, () -> this.api.removeMember(partnerId, userId), "removed", name);
	}

	/**
	 * The last-owner rule refuses with a 422 the page explains; other refusals are pages.
	 */
	private String refusedOrDone(UUID partnerId, RedirectAttributes redirect, Runnable change, String done,
			String name) {
		try {
			change.run();
			redirect.addFlashAttribute(done, name);
		}
		catch (ApiProblem problem) {
			if (problem.status() != 422 && problem.status() != 409) {
				throw problem;
			}
			redirect.addFlashAttribute("refused", problem.slug());
			redirect.addFlashAttribute("refusedDetail", problem.getMessage());
		}
		return "redirect:/partners/" + partnerId + "/equipe";
	}

	private String page(UUID partnerId, Model model) {
		UserApi.Partner partner = this.api.partner(partnerId);
		model.addAttribute("partner", partner);
		model.addAttribute("tab", "equipe");
		model.addAttribute("roles", ROLES);
		try {
			model.addAttribute("members", this.api.members(partnerId));
			model.addAttribute("invitations", this.api.invitations(partnerId));
			model.addAttribute("owner", true);
		}
		catch (ApiProblem problem) {
			// the partner answered above, so the caller is a member: a 404 or 403 here
			// means a member who is not an owner
			if (problem.status() != 403 && problem.status() != 404) {
				throw problem;
			}
			model.addAttribute("owner", false);
		}
		return "partner/team";
	}

}
