using System.Net;
using CommitmentTracker.Application.Parties;
using CommitmentTracker.Application.Parties.Commands.CreateParty;
using CommitmentTracker.Domain.Parties;
using CommitmentTracker.Integration.Tests.Infrastructure;

namespace CommitmentTracker.Integration.Tests.Parties;

/// <summary>Parties are registered and edited over the API, with aliases in both languages and optimistic concurrency.</summary>
public abstract class PartyApiTests(AppFactory app)
{
    private const string Api = "/api/v1/parties";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registers_a_party_with_aliases_then_edits_it_with_if_match()
    {
        var client = app.Api();
        var created = await client.PostJsonAsync(Api, new CreatePartyCommand
        {
            Key = "ru-sve-ekb",
            Name = "City of Yekaterinburg",
            Kind = PartyKind.Region,
            Parent = "RU-SVE",
            Aliases = ["Yekaterinburg", "Екатеринбург", " Yekaterinburg ", "City of Yekaterinburg"],
        }).ShouldBeJsonAsync<PartyDto>(HttpStatusCode.Created);

        created.Key.ShouldBe("RU-SVE-EKB");
        created.ParentKey.ShouldBe("RU-SVE", "a fresh database has every region of Russia to belong to (decision 0110)");
        created.Aliases.ShouldBe(["Yekaterinburg", "Екатеринбург"], "duplicates, blanks and the name itself are dropped");
        created.Version.ShouldBe(1);

        var read = await client.GetAsync($"{Api}/RU-SVE-EKB", Ct);
        var etag = read.Headers.ETag!.Tag;
        (await read.ShouldBeJsonAsync<PartyDto>()).Name.ShouldBe("City of Yekaterinburg");

        var updated = await client.PutJsonAsync($"{Api}/RU-SVE-EKB", new PartyDraft { Name = "City of Yekaterinburg", Kind = PartyKind.Region, Parent = "RU-SVE", Aliases = ["Екатеринбург", "Ekaterinburg"] }, etag)
            .ShouldBeJsonAsync<PartyDto>();
        updated.Aliases.ShouldBe(["Екатеринбург", "Ekaterinburg"]);
        updated.Version.ShouldBe(2);

        await client.PutJsonAsync($"{Api}/RU-SVE-EKB", new PartyDraft { Name = "Stale", Kind = PartyKind.Region }, etag).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await client.PutJsonAsync($"{Api}/RU-SVE-EKB", new PartyDraft { Name = "No version", Kind = PartyKind.Region }, null).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        (await client.GetAsync(Api, Ct).ShouldBeJsonAsync<List<PartyDto>>()).Single(p => p.Key == "RU-SVE-EKB").Aliases.ShouldContain("Ekaterinburg");
    }

    [Fact]
    public async Task Refuses_a_party_without_a_kind_instead_of_making_it_a_state()
    {
        var client = app.Api();

        var messages = await client.PostJsonAsync(Api, new { key = "XX-NOKIND", name = "Kindless" }).ShouldBeInvalidAsync("kind");
        messages.ShouldBe(["'kind' is required."]);
        await client.GetAsync($"{Api}/XX-NOKIND", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var read = await client.GetAsync($"{Api}/RU-NVS", Ct);
        var before = await read.ShouldBeJsonAsync<PartyDto>();
        await client.PutJsonAsync($"{Api}/RU-NVS", new { name = "Renamed without a kind", parent = "RU" }, read.Headers.ETag!.Tag).ShouldBeInvalidAsync("kind");
        var after = await client.GetAsync($"{Api}/RU-NVS", Ct).ShouldBeJsonAsync<PartyDto>();
        (after.Name, after.Kind, after.Version).ShouldBe((before.Name, before.Kind, before.Version), "a refused edit changes nothing");
    }

    [Fact]
    public async Task Refuses_a_taken_key_an_unknown_parent_a_bad_key_and_a_party_under_itself()
    {
        var client = app.Api();

        await client.PostJsonAsync(Api, new CreatePartyCommand { Key = "BY", Name = "Belarus again", Kind = PartyKind.State }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await client.PostJsonAsync(Api, new CreatePartyCommand { Key = "XX-ONE", Name = "Somewhere", Kind = PartyKind.Region, Parent = "NOWHERE" }).ShouldBeInvalidAsync("parent"))[0]
            .ShouldContain("No party has the key 'NOWHERE'");
        (await client.PostJsonAsync(Api, new CreatePartyCommand { Key = "bad key!", Name = "Somewhere", Kind = PartyKind.Region }).ShouldBeInvalidAsync("key"))[0]
            .ShouldContain("only letters, digits and hyphens");
        await client.PostJsonAsync(Api, new CreatePartyCommand { Key = "XX-TWO", Name = "", Kind = PartyKind.Region }).ShouldBeInvalidAsync("name");
        await client.PostJsonAsync(Api, new CreatePartyCommand { Key = "XX-THREE", Name = "Many names", Kind = PartyKind.Region, Aliases = [.. Enumerable.Range(0, 31).Select(i => $"Name {i}")] })
            .ShouldBeInvalidAsync("aliases");

        var state = await client.GetAsync($"{Api}/RU", Ct);
        var messages = await client.PutJsonAsync($"{Api}/RU", new PartyDraft { Name = "Russian Federation", Kind = PartyKind.State, Parent = "RU-NVS" }, state.Headers.ETag!.Tag)
            .ShouldBeInvalidAsync("parent");
        messages[0].ShouldContain("cannot sit under itself");
        await client.GetAsync($"{Api}/NOBODY", Ct).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqlitePartyApiTests(SqliteAppFactory app) : PartyApiTests(app), IClassFixture<SqliteAppFactory>;

public sealed class PostgreSqlPartyApiTests(PostgreSqlAppFactory app) : PartyApiTests(app), IClassFixture<PostgreSqlAppFactory>;
