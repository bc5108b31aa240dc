package it.sportello.tenant;

/**
 * The Italian reply templates of a tenant, one per situation. Placeholders in braces are filled by
 * {@link Template}; an unknown placeholder is a configuration error.
 */
public record Replies(Template answer, Template escalate, Template outOfHours, Template courtesy,
                      Template personalCase, Template generalInfo, Template contactRequest, Template minor,
                      Template emergency, Template moderate, Template warning, Template banProposed) {

    public Replies {
        TenantConfig.require(answer, "replies.answer");
        TenantConfig.require(escalate, "replies.escalate");
        TenantConfig.require(outOfHours, "replies.out_of_hours");
        TenantConfig.require(courtesy, "replies.courtesy");
        TenantConfig.require(personalCase, "replies.personal_case");
        TenantConfig.require(generalInfo, "replies.general_info");
        TenantConfig.require(contactRequest, "replies.contact_request");
        TenantConfig.require(minor, "replies.minor");
        TenantConfig.require(emergency, "replies.emergency");
        TenantConfig.require(moderate, "replies.moderate");
        TenantConfig.require(warning, "replies.warning");
        TenantConfig.require(banProposed, "replies.ban_proposed");
    }
}
