using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.Users.ChangeUserRole;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Audit.Common;
using CommitmentTracker.Application.Audit.Queries.ListAuditRecords;
using CommitmentTracker.Application.Common.Security;

namespace CommitmentTracker.Application.Tests.Validators;

public class AccountValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly CreateApiKeyValidator _keyValidator = new(new StoppedClock());

    [Fact]
    public void A_key_with_a_name_known_scopes_and_a_future_expiry_is_valid() =>
        _keyValidator.Validate(new CreateApiKeyCommand("Reporting", [ApiScopes.Read, ApiScopes.Write], Now.AddDays(30))).ShouldBeValid();

    [Fact]
    public void A_key_needs_a_name_scopes_it_knows_and_an_expiry_in_the_future()
    {
        var result = _keyValidator.Validate(new CreateApiKeyCommand(" ", ["read", "delete"], Now));

        result.ShouldHaveErrorOn("Name", "must not be empty");
        result.ShouldHaveErrorOn("Scopes", "'delete'");
        result.ShouldHaveErrorOn("ExpiresAt", "in the future");
        _keyValidator.Validate(new CreateApiKeyCommand("Reporting", [])).ShouldHaveErrorOn("Scopes", "at least one");
    }

    [Fact]
    public void Roles_must_be_one_of_the_four()
    {
        new CreateUserValidator().Validate(new CreateUserCommand("ana", "Emperor", "")).ShouldHaveErrorOn("Role", "Administrator, Manager, Analyst, Viewer");
        new CreateUserValidator().Validate(new CreateUserCommand("ana", Roles.Viewer, "")).ShouldHaveErrorOn("Password", "must not be empty");
        new ChangeUserRoleValidator().Validate(new ChangeUserRoleCommand("ana", Roles.Manager)).ShouldBeValid();
    }

    [Fact]
    public void The_password_never_shows_in_the_request_text() =>
        new CreateUserCommand("ana", Roles.Viewer, "secret passphrase").ToString().ShouldNotContain("secret passphrase");

    [Fact]
    public void An_audit_range_must_not_end_before_it_starts() =>
        new ListAuditRecordsValidator().Validate(new ListAuditRecordsQuery(new AuditFilter { From = new DateOnly(2025, 2, 1), To = new DateOnly(2025, 1, 1) }))
            .ShouldHaveErrorOn("Filter.To", "must not be before");

    private sealed class StoppedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }
}
