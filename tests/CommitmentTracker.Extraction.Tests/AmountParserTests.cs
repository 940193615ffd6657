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
    public void Reads_value_currency_and_offsets(string text, string written, string value, string currency)
    {
        var amount = AmountParser.Find(text, 0, EnglishRules.Instance).ShouldHaveSingleItem();

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

    [Fact]
    public void Offsets_are_into_the_whole_text_when_given_a_sentence_range()
    {
        const string text = "First sentence. Then $5 million came.";
        var amount = AmountParser.Find(text[16..], 16, EnglishRules.Instance).ShouldHaveSingleItem();

        text[amount.Start..amount.End].ShouldBe("$5 million");
    }
}
