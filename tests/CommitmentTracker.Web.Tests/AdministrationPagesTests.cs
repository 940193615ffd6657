using System.Security.Claims;
using Bunit.TestDoubles;
using CommitmentTracker.Application.Accounts.ApiKeys;
using CommitmentTracker.Application.Accounts.ApiKeys.CreateApiKey;
using CommitmentTracker.Application.Accounts.ApiKeys.ListApiKeys;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Web.Components.Layout;
using CommitmentTracker.Web.Components.Pages.Admin;
using CommitmentTracker.Web.Services;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CommitmentTracker.Web.Tests;

public class AdministrationPagesTests : MudTestContext
{
    private const string KeyText = "ctk_1a2b3c4d_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private readonly FakeSender _sender = new();
    private readonly List<ApiKeyDto> _keys = [];
    private readonly BunitAuthorizationContext _authorization;

    public AdministrationPagesTests()
    {
        _authorization = UseScopedSender(_sender);
        _authorization.SetAuthorized("admin").SetRoles(Roles.Administrator);
    }

    [Fact]
    public async Task A_new_key_is_shown_once_with_a_warning_and_a_copy_button()
    {
        _sender.Handler = message => Task.FromResult<object?>(message switch
        {
            ListApiKeysQuery => _keys.ToList(),
            CreateApiKeyCommand c => Issue(c),
            _ => throw new InvalidOperationException(message.GetType().Name),
        });
        var cut = Render<ApiKeys>();

        cut.FindComponent<MudTextField<string>>().Find("input").Change("Ministry reporting");
        cut.FindAll("label").Single(l => l.TextContent.Contains("write", StringComparison.Ordinal)).QuerySelector("input")!.Change(true);
        await cut.Find("form").SubmitAsync();

        var command = _sender.Sent.OfType<CreateApiKeyCommand>().ShouldHaveSingleItem();
        command.Name.ShouldBe("Ministry reporting");
        command.Scopes.ShouldBe([ApiScopes.Read, ApiScopes.Write]);
        command.ExpiresAt.ShouldBeNull();
        var issued = cut.Find("[data-testid=issued-key]");
        issued.QuerySelector("code")!.TextContent.ShouldBe(KeyText);
        issued.TextContent.ShouldContain("cannot be shown again");
        issued.QuerySelectorAll("button").ShouldContain(b => b.TextContent.Contains("Copy", StringComparison.Ordinal));
        cut.FindAll("tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("Ministry reporting");

        cut.FindAll("button").Single(b => b.TextContent.Contains("I have copied it", StringComparison.Ordinal)).Click();
        cut.Markup.ShouldNotContain(KeyText, Case.Sensitive, "the key text is gone from the page once dismissed");
    }

    [Fact]
    public async Task Refused_fields_are_shown_next_to_the_fields()
    {
        _sender.Handler = message => message is ListApiKeysQuery
            ? Task.FromResult<object?>(new List<ApiKeyDto>())
            : Task.FromException<object?>(new ValidationException("invalid",
            [
                new ValidationFailure("Name", "'Name' must not be empty."),
                new ValidationFailure("Scopes", "'Scopes' must name at least one of: read, write."),
            ]));
        var cut = Render<ApiKeys>();

        await cut.Find("form").SubmitAsync();

        cut.FindComponent<MudTextField<string>>().Find(".mud-input-helper-text").TextContent.Trim().ShouldBe("'Name' must not be empty.");
        cut.Find("fieldset.scopes [role=alert]").TextContent.ShouldBe("'Scopes' must name at least one of: read, write.");
        cut.FindAll("[data-testid=issued-key]").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(Roles.Administrator, true, true)]
    [InlineData(Roles.Manager, true, false)]
    [InlineData(Roles.Analyst, false, false)]
    [InlineData(Roles.Viewer, false, false)]
    public void The_administration_links_follow_the_role(string role, bool audit, bool administer)
    {
        var authorization = _authorization;
        authorization.SetAuthorized(role);
        authorization.SetClaims(new Claim(ClaimTypes.Role, role));
        authorization.SetPolicies([.. Enum.GetValues<Access>().Where(a => Roles.Grants(role) >= a).Select(a => a.ToString())]);

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));

        cut.FindAll("a[href='/audit']").Count.ShouldBe(audit ? 1 : 0);
        cut.FindAll("a[href='/admin/users']").Count.ShouldBe(administer ? 1 : 0);
        cut.FindAll("a[href='/admin/api-keys']").Count.ShouldBe(administer ? 1 : 0);
        cut.FindAll("a[href='/admin/webhooks']").Count.ShouldBe(administer ? 1 : 0);
        cut.FindAll("a[href='/import']").Count.ShouldBe(role == Roles.Viewer ? 0 : 1);
    }

    private CreatedApiKeyDto Issue(CreateApiKeyCommand command)
    {
        var key = new ApiKeyDto(Guid.NewGuid(), command.Name, "test-administrator", "1a2b3c4d", command.Scopes, DateTimeOffset.UnixEpoch, null, null, null, null, ApiKeyState.Active);
        _keys.Add(key);
        return new CreatedApiKeyDto(key, KeyText);
    }
}
