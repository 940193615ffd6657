using CommitmentTracker.Extraction.Amounts;
using CommitmentTracker.Extraction.Rules;

namespace CommitmentTracker.Extraction.Tests;

public class AmountParserTests
{
    [Theory]
    [InlineData("Trade came close to half a billion dollars this year.", "half a billion dollars", "500000000", "USD")]
    [InlineData("They will invest $100 million in the plant.", "$100 million", "100000000", "USD")]
    [InlineData("The contract is worth 1.5 billion rubles.", "1.5 billion rubles", "1500000000", "RUB")]
    [InlineData("Exports may reach USD 2.3 bn next year.", "USD 2.3 bn", "2300000000", "USD")]
    [InlineData("The city set aside 300 million Belarusian rubles for trams.", "300 million Belarusian rubles", "300000000", "BYN")]
    [InlineData("The budget grew by BYN 45 million.", "BYN 45 million", "45000000", "BYN")]
    [InlineData("We are close to the cherished billion in trade.", "the cherished billion", "1000000000", "USD")]
    [InlineData("Orders of €12,500 came in.", "€12,500", "12500", "EUR")]
    // ADR 0118's amounts, written from how sums are said, not from a record.
    [InlineData("Trade should reach $1,5 billion.", "$1,5 billion", "1500000000", "USD", "en")]
    [InlineData("Trade between the countries reached 4,5 billion in trade talks.", "4,5 billion", "4500000000", "USD", "en")]
    [InlineData("Trade reached $1,500 million.", "$1,500 million", "1500000000", "USD", "en")]
    [InlineData("Trade should reach one and a half billion dollars.", "one and a half billion dollars", "1500000000", "USD", "en")]
    [InlineData("The contract is worth Br300 million.", "Br300 million", "300000000", "BYN", "en")]
    [InlineData("The project costs 2 billion Chinese yuan.", "2 billion Chinese yuan", "2000000000", "CNY", "en")]
    [InlineData("Товарооборот должен достичь полутора миллиардов долларов.", "полутора миллиардов долларов", "1500000000", "USD", "ru")]
    [InlineData("Контракт на 300 млн BYN.", "300 млн BYN", "300000000", "BYN", "ru")]
    [InlineData("Товарооборот составит 1 млрд 200 млн долларов.", "1 млрд 200 млн долларов", "1200000000", "USD", "ru")]
    [InlineData("Trade will reach 1 billion 200 million dollars.", "1 billion 200 million dollars", "1200000000", "USD", "en")]
    [InlineData("Мы готовы поставить техники на сто миллионов долларов.", "сто миллионов долларов", "100000000", "USD", "ru")]
    [InlineData("Товарооборот может вырасти до двух миллиардов долларов.", "двух миллиардов долларов", "2000000000", "USD", "ru")]
    [InlineData("Мы должны выйти на пятьсот миллионов долларов.", "пятьсот миллионов долларов", "500000000", "USD", "ru")]
    // ADR 0131: "half a billion" in trade talk with no currency named is half of one, not "a billion".
    [InlineData("The task is to bring trade to half a billion.", "half a billion", "500000000", "USD", "en")]
    [InlineData("Товарооборот должен выйти на полмиллиарда.", "полмиллиарда", "500000000", "USD", "ru")]
    public void Reads_value_currency_and_offsets(string text, string written, string value, string currency, string language = "en")
    {
        var amount = AmountParser.Find(text, 0, LanguageRules.For(language)).ShouldHaveSingleItem();

        amount.Text.ShouldBe(written);
        amount.Value.ShouldBe(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        amount.Currency.ShouldBe(currency);
        text[amount.Start..amount.End].ShouldBe(written);
    }

    [Theory]
    [InlineData("A billion people watched it.")]
    [InlineData("We built 300 houses in 2022.")]
    public void Bare_numbers_and_billions_outside_trade_are_not_amounts(string text) =>
        AmountParser.Find(text, 0, EnglishRules.Instance).ShouldBeEmpty();

    // A range names two sums in one scale and currency; the lower end is not "$2" (ADR 0118).
    [Theory]
    [InlineData("Trade may reach $2-3 billion.", "en", "$2-3 billion")]
    [InlineData("Trade may reach $2 to $3 billion.", "en", "$2 to $3 billion")]
    [InlineData("Exports may grow to 2–3 billion dollars.", "en", "2–3 billion dollars")]
    [InlineData("Товарооборот вырастет до 2-3 млрд долларов.", "ru", "2-3 млрд долларов")]
    [InlineData("Trade may reach $2 - $3 billion.", "en", "$2 - $3 billion")]
    public void A_range_gives_both_ends_in_its_scale(string text, string language, string written)
    {
        var amounts = AmountParser.Find(text, 0, LanguageRules.For(language));

        amounts.Select(a => (a.Value, a.Currency)).ShouldBe([(2_000_000_000m, "USD"), (3_000_000_000m, "USD")]);
        amounts.ShouldAllBe(a => text.Substring(a.Start, a.End - a.Start) == written);
    }

    // A dash before a figure is punctuation, not the end of a range with no start: «Цель – 3 млрд долларов» is 3 billion.
    [Theory]
    [InlineData("ru", "Цель по товарообороту – 3 млрд долларов.")]
    [InlineData("ru", "Цель по товарообороту - 3 млрд долларов.")]
    [InlineData("en", "The goal for trade - 3 billion dollars.")]
    public void A_dash_before_a_figure_starts_no_range(string language, string text) =>
        AmountParser.Find(text, 0, LanguageRules.For(language)).ShouldHaveSingleItem().Value.ShouldBe(3_000_000_000m);

    [Theory]
    [InlineData("The plant will cost $500 million to $1 billion.")]
    public void Two_sums_each_with_its_own_scale_stay_two_sums(string text) =>
        AmountParser.Find(text, 0, EnglishRules.Instance).Select(a => a.Value).ShouldBe([500_000_000m, 1_000_000_000m]);

    [Fact]
    public void Offsets_are_into_the_whole_text_when_given_a_sentence_range()
    {
        const string text = "First sentence. Then $5 million came.";
        var amount = AmountParser.Find(text[16..], 16, EnglishRules.Instance).ShouldHaveSingleItem();

        text[amount.Start..amount.End].ShouldBe("$5 million");
    }
}
