using CommitmentTracker.Domain.Parties;

namespace CommitmentTracker.Domain.Tests.Parties;

/// <summary>A party's key, name and aliases (what the extractor finds it by), its place under a parent, and its version.</summary>
public class PartyTests
{
    [Fact]
    public void A_new_party_keeps_an_upper_case_key_a_trimmed_name_and_clean_aliases()
    {
        var russia = new Party("ru", "Russia", PartyKind.State);

        var region = new Party(" ru-nvs ", "  Novosibirsk Oblast ", PartyKind.Region, russia,
            ["  Novosibirsk Region ", "", "   ", "novosibirsk oblast", "Новосибирская область", "NOVOSIBIRSK REGION"]);

        region.Key.ShouldBe("RU-NVS");
        region.Name.ShouldBe("Novosibirsk Oblast");
        region.Kind.ShouldBe(PartyKind.Region);
        region.ParentId.ShouldBe(russia.Id);
        region.Aliases.ShouldBe(["Novosibirsk Region", "Новосибирская область"], "blanks, the name itself and case-insensitive repeats are dropped");
        region.Names.ShouldBe(["Novosibirsk Oblast", "Novosibirsk Region", "Новосибирская область"]);
        region.Version.ShouldBe(1);
        russia.ParentId.ShouldBeNull();
        russia.Aliases.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "Russia", "Key", "Key is required.")]
    [InlineData("RU", " ", "Name", "Name is required.")]
    public void Key_and_name_are_required(string key, string name, string field, string message)
    {
        var ex = Should.Throw<DomainRuleException>(() => new Party(key, name, PartyKind.State));

        ex.Field.ShouldBe(field);
        ex.Message.ShouldBe(message);
    }

    [Fact]
    public void Thirty_aliases_are_allowed_and_thirty_one_are_refused()
    {
        var thirty = Enumerable.Range(1, Party.MaxAliases).Select(i => $"Alias {i}").ToList();

        new Party("X", "X", PartyKind.Other, aliases: thirty).Aliases.Count.ShouldBe(Party.MaxAliases);
        var ex = Should.Throw<DomainRuleException>(() => new Party("X", "X", PartyKind.Other, aliases: [.. thirty, "Alias 31"]));
        ex.Field.ShouldBe("Aliases");
        ex.Message.ShouldBe("A party has at most 30 aliases.");
    }

    [Fact]
    public void An_alias_longer_than_a_name_may_be_is_refused()
    {
        new Party("X", "X", PartyKind.Other, aliases: [new string('a', Party.MaxNameLength)]).Aliases.ShouldHaveSingleItem();

        Should.Throw<DomainRuleException>(() => new Party("X", "X", PartyKind.Other, aliases: [new string('a', Party.MaxNameLength + 1)]))
            .Field.ShouldBe("Aliases");
    }

    [Fact]
    public void Describe_changes_name_kind_parent_and_aliases_and_bumps_the_version_once()
    {
        var belarus = new Party("BY", "Belarus", PartyKind.State);
        var party = new Party("BY-GOV", "Government", PartyKind.Other);

        party.Describe(" Government of Belarus ", PartyKind.Government, belarus, ["Council of Ministers"]);

        party.Name.ShouldBe("Government of Belarus");
        party.Kind.ShouldBe(PartyKind.Government);
        party.ParentId.ShouldBe(belarus.Id);
        party.Parent.ShouldBeSameAs(belarus);
        party.Aliases.ShouldBe(["Council of Ministers"]);
        party.Key.ShouldBe("BY-GOV", "the key never changes");
        party.Version.ShouldBe(2);
    }

    [Fact]
    public void Describing_a_party_as_it_already_is_changes_nothing()
    {
        var belarus = new Party("BY", "Belarus", PartyKind.State);
        var party = new Party("BY-GOV", "Government of Belarus", PartyKind.Government, belarus, ["Council of Ministers"]);
        party.Describe("Government of Belarus", PartyKind.Government, belarus, ["Council of Ministers"]);
        var version = party.Version;

        party.Describe("Government of Belarus", PartyKind.Government, belarus, [" Council of Ministers "]);

        party.Version.ShouldBe(version);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("kind")]
    [InlineData("parent")]
    [InlineData("aliases")]
    public void Each_kind_of_change_alone_bumps_the_version(string change)
    {
        var belarus = new Party("BY", "Belarus", PartyKind.State);
        var russia = new Party("RU", "Russia", PartyKind.State);
        var party = new Party("GOV", "Government", PartyKind.Government, belarus, ["Cabinet"]);
        party.Describe("Government", PartyKind.Government, belarus, ["Cabinet"]);
        var version = party.Version;

        party.Describe(
            change == "name" ? "Cabinet of Ministers" : "Government",
            change == "kind" ? PartyKind.Agency : PartyKind.Government,
            change == "parent" ? russia : belarus,
            change == "aliases" ? ["Cabinet", "Council"] : ["Cabinet"]);

        party.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void Removing_the_parent_is_a_change()
    {
        var belarus = new Party("BY", "Belarus", PartyKind.State);
        var party = new Party("GOV", "Government", PartyKind.Government, belarus);
        party.Describe("Government", PartyKind.Government, belarus, []);
        var version = party.Version;

        party.Describe("Government", PartyKind.Government, null, []);

        party.ParentId.ShouldBeNull();
        party.Version.ShouldBe(version + 1);
    }

    [Fact]
    public void A_party_cannot_sit_under_itself_or_under_its_own_descendant()
    {
        var state = new Party("BY", "Belarus", PartyKind.State);
        var region = new Party("BY-MI", "Minsk Region", PartyKind.Region);
        region.Describe("Minsk Region", PartyKind.Region, state, []);
        var district = new Party("BY-MI-1", "A district", PartyKind.Region);
        district.Describe("A district", PartyKind.Region, region, []);

        var self = Should.Throw<DomainRuleException>(() => state.Describe("Belarus", PartyKind.State, state, []));
        self.Field.ShouldBe("Parent");
        self.Message.ShouldBe("BY cannot be the parent of BY: a party cannot sit under itself.");

        var grandchild = Should.Throw<DomainRuleException>(() => state.Describe("Belarus", PartyKind.State, district, []));
        grandchild.Message.ShouldBe("BY-MI-1 cannot be the parent of BY: a party cannot sit under itself.");
        state.ParentId.ShouldBeNull();
        state.Version.ShouldBe(1);

        // A sibling or an unrelated party is a fine parent.
        var other = new Party("RU", "Russia", PartyKind.State);
        region.Describe("Minsk Region", PartyKind.Region, other, []);
        region.ParentId.ShouldBe(other.Id);
    }

    [Fact]
    public void A_person_keeps_a_trimmed_name_and_an_optional_position()
    {
        var party = Guid.NewGuid();

        var person = new Person("  Andrei Travnikov ", "  Governor ", party);

        person.FullName.ShouldBe("Andrei Travnikov");
        person.Position.ShouldBe("Governor");
        person.PartyId.ShouldBe(party);
        new Person("Someone", "  ", null).Position.ShouldBeNull();
        Should.Throw<DomainRuleException>(() => new Person(" ", null, null)).Field.ShouldBe("FullName");
        Should.Throw<DomainRuleException>(() => new Person("A", new string('p', Person.MaxPositionLength + 1), null)).Field.ShouldBe("Position");
        Should.Throw<DomainRuleException>(() => new Person(new string('n', Person.MaxNameLength + 1), null, null)).Field.ShouldBe("FullName");
    }
}
