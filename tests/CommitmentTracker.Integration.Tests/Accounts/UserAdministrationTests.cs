using System.Net;
using CommitmentTracker.Api.Endpoints;
using CommitmentTracker.Application.Accounts;
using CommitmentTracker.Application.Accounts.Users.CreateUser;
using CommitmentTracker.Application.Common.Security;
using CommitmentTracker.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommitmentTracker.Integration.Tests.Accounts;

/// <summary>Administrators add people with one role, change roles, and can never remove the last administrator.</summary>
public abstract class UserAdministrationTests(AppFactory app)
{
    private const string Users = "/api/v1/users";
    private const string GoodPassword = "a long enough passphrase";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Creates_a_person_who_can_then_sign_in_with_the_password()
    {
        var response = await app.Api().PostJsonAsync(Users, new CreateUserCommand("ana.analyst", Roles.Analyst, GoodPassword));
        var created = await response.ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);

        created.Role.ShouldBe(Roles.Analyst);
        created.IsLockedOut.ShouldBeFalse();
        response.Headers.Location!.ToString().ShouldBe("/api/v1/users/ana.analyst");
        (await ListAsync()).Single(u => u.UserName == "ana.analyst").Role.ShouldBe(Roles.Analyst);

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = (await users.FindByNameAsync("ana.analyst")).ShouldNotBeNull();
        (await users.CheckPasswordAsync(user, GoodPassword)).ShouldBeTrue();
    }

    [Fact]
    public async Task Identity_rules_and_taken_names_come_back_on_their_fields()
    {
        var admin = app.Api();
        (await admin.PostJsonAsync(Users, new CreateUserCommand("weak.password", Roles.Viewer, "short")).ShouldBeInvalidAsync("password"))[0].ShouldContain("12");
        await admin.PostJsonAsync(Users, new CreateUserCommand("admin", Roles.Viewer, GoodPassword)).ShouldBeInvalidAsync("userName");
        await admin.PostJsonAsync(Users, new CreateUserCommand("bad name!", Roles.Viewer, GoodPassword)).ShouldBeInvalidAsync("userName");
        await admin.PostJsonAsync(Users, new CreateUserCommand("", "Emperor", "")).ShouldBeInvalidAsync("role");

        (await ListAsync()).ShouldNotContain(u => u.UserName == "weak.password" || u.UserName == "bad name!");
    }

    [Fact]
    public async Task Changes_a_role_and_refuses_unknown_roles_and_people()
    {
        var admin = app.Api();
        await admin.PostJsonAsync(Users, new CreateUserCommand("mia.manager", Roles.Analyst, GoodPassword)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);

        (await admin.PutJsonAsync($"{Users}/mia.manager/role", new RoleChange(Roles.Manager), ifMatch: null).ShouldBeJsonAsync<UserDto>()).Role.ShouldBe(Roles.Manager);
        (await ListAsync()).Single(u => u.UserName == "mia.manager").Role.ShouldBe(Roles.Manager);
        await admin.PutJsonAsync($"{Users}/mia.manager/role", new RoleChange("Emperor"), ifMatch: null).ShouldBeInvalidAsync("role");
        await admin.PutJsonAsync($"{Users}/nobody/role", new RoleChange(Roles.Viewer), ifMatch: null).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_role_until_there_is_another()
    {
        var admin = app.Api();
        var messages = await admin.PutJsonAsync($"{Users}/admin/role", new RoleChange(Roles.Manager), ifMatch: null).ShouldBeInvalidAsync("role");
        messages[0].ShouldContain("last administrator");
        (await ListAsync()).Single(u => u.UserName == "admin").Role.ShouldBe(Roles.Administrator);

        await admin.PostJsonAsync(Users, new CreateUserCommand("second.admin", Roles.Administrator, GoodPassword)).ShouldBeJsonAsync<UserDto>(HttpStatusCode.Created);
        (await admin.PutJsonAsync($"{Users}/second.admin/role", new RoleChange(Roles.Viewer), ifMatch: null).ShouldBeJsonAsync<UserDto>()).Role.ShouldBe(Roles.Viewer);
    }

    [Fact]
    public async Task Only_administrators_see_or_manage_people()
    {
        await app.ApiAs(Roles.Manager).GetAsync(Users, Ct).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.ApiAs(Roles.Analyst).PostJsonAsync(Users, new CreateUserCommand("x.y", Roles.Administrator, GoodPassword)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await app.Anonymous().GetAsync(Users, Ct).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<List<UserDto>> ListAsync() => await app.Api().GetAsync(Users, Ct).ShouldBeJsonAsync<List<UserDto>>();
}

public sealed class SqliteUserAdministrationTests(SqliteAppFactory app) : UserAdministrationTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlUserAdministrationTests(PostgreSqlAppFactory app) : UserAdministrationTests(app), IClassFixture<PostgreSqlAppFactory>;
