package io.strongroom.protocol.organizations;

import io.strongroom.audit.AuditResource;
import io.strongroom.organizations.OrganizationsService;
import io.strongroom.protocol.audit.AuditResourceTable;
import io.strongroom.protocol.json.JsonService;
import io.strongroom.protocol.json.JsonServiceHandler;
import java.util.List;
import java.util.Map;

/**
 * AWS Organizations over the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSOrganizationsV20161128.<Operation>}).
 * Each operation family reads its input as the 2016-11-28 model constrains it, calls the
 * {@link OrganizationsService} (which authorises the caller and does the work) and writes the
 * model's output shapes. Errors use Organizations' dialect: a {@code Message} member,
 * {@code InvalidInputException} with a {@code Reason} for bad input, {@code ServiceException} for
 * failures on our side.
 */
public final class OrganizationsJsonHandler extends JsonServiceHandler {
    public static final String SIGNING_NAME = "organizations";
    public static final String TARGET_PREFIX = "AWSOrganizationsV20161128";
    public static final JsonService SERVICE = JsonService.builder(TARGET_PREFIX)
            .messageMember("Message")
            .internalFailureCode("ServiceException")
            .validationErrors(OrganizationsErrorDialect::invalidInput)
            .errorMembers(OrganizationsErrorDialect::reasonMember)
            .build();

    public OrganizationsJsonHandler(OrganizationsService organizations) {
        super(SIGNING_NAME, SERVICE, List.of(
                new AccountActions(organizations),
                new OrganizationalUnitActions(organizations),
                new HierarchyActions(organizations),
                new PolicyActions(organizations),
                new PolicyAttachmentActions(organizations),
                new PolicyTypeActions(organizations)));
    }

    /** The accounts, units and policies a call names by id (ARNs need the organisation id, which the call does not carry). */
    private static final AuditResourceTable RESOURCES = AuditResourceTable.builder()
            .name("accountId", "AWS::Organizations::Account", (account, region, id) -> id)
            .name("organizationalUnitId", "AWS::Organizations::OrganizationalUnit", (account, region, id) -> id)
            .name("policyId", "AWS::Organizations::Policy", (account, region, id) -> id)
            .name("targetId", "AWS::Organizations::Target", (account, region, id) -> id)
            .build();

    @Override
    public List<AuditResource> auditResources(Map<String, Object> requestParameters, String accountId, String region) {
        return RESOURCES.resources(requestParameters, accountId, region);
    }
}
