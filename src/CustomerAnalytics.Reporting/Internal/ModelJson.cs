using System.Collections.Immutable;
using System.Text.Json;
using CustomerAnalytics.Enrichment;
using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;
using CustomerAnalytics.Recommendations;

namespace CustomerAnalytics.Reporting.Internal;

/// <summary>
/// The per-customer model outputs the page's script needs for its "complete" sections to follow the filters, written
/// into the page's JSON: the RFM analysis day, each customer's lifetime-value figures and band (<c>clv</c>), and each
/// customer's first <see cref="CompleteSections.SampleProducts"/> recommended products with the first one's reason
/// (<c>recs</c>, products and reasons written once each). About 60 bytes a customer with a lifetime value and 12 one
/// with recommendations; the orders themselves are in <see cref="InteractiveData"/>.
/// </summary>
internal static class ModelJson
{
    /// <summary>Writes the <c>rfmDay</c>, <c>clv</c> and <c>recs</c> properties (each only when there is data for it).</summary>
    public static void Write(Utf8JsonWriter json, EnrichedDataset dataset, DataRange range, RunModels models, Format format)
    {
        if (models.Rfm is { } rfm)
        {
            json.WriteNumber("rfmDay", rfm.AnalysisDate.DayNumber - range.First.DayNumber);
        }

        if (models.Clv is { Customers.IsDefaultOrEmpty: false } clv)
        {
            Clv(json, dataset, clv, format);
        }

        if (!models.Recommendations.IsDefaultOrEmpty)
        {
            Recommendations(json, dataset, models.Recommendations);
        }
    }

    /// <summary><c>clv</c>: the band labels and, per customer (by index; 0 when the model has no figures for it),
    /// [value × 10⁴, P(alive), expected purchases, repeat purchases, mean repeat spend × 10⁴, band].</summary>
    private static void Clv(Utf8JsonWriter json, EnrichedDataset dataset, ClvResult clv, Format format)
    {
        var bands = ValueBands.Of(clv.Customers.Select(c => c.Clv).ToArray());
        var byIndex = new CustomerClv?[dataset.Customers.Count];
        foreach (var customer in clv.Customers)
        {
            if (dataset.TryGetCustomerIndex(customer.CustomerId, out var index))
            {
                byIndex[index] = customer;
            }
        }

        json.WriteStartObject("clv");
        json.WriteNumber("periods", clv.Options.Periods);
        json.WriteNumber("periodDays", clv.Options.PeriodDays);
        json.WriteStartArray("bands");
        foreach (var label in bands.Labels(format))
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteStartArray("customers");
        foreach (var customer in byIndex)
        {
            if (customer is null)
            {
                json.WriteNumberValue(0);
                continue;
            }

            json.WriteStartArray();
            json.WriteNumberValue((long)(customer.Clv * InteractiveData.MoneyFactor));
            json.WriteNumberValue(customer.ProbabilityAlive);
            json.WriteNumberValue(customer.ExpectedPurchases);
            json.WriteNumberValue(customer.Frequency);
            json.WriteNumberValue((long)(customer.MonetaryValue * InteractiveData.MoneyFactor));
            json.WriteNumberValue(bands.IndexOf(customer.Clv));
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary><c>recs</c>: the product labels and reasons used, and per customer with recommendations
    /// [customer index, reason index, product index…].</summary>
    private static void Recommendations(Utf8JsonWriter json, EnrichedDataset dataset, ImmutableArray<CustomerRecommendations> recommendations)
    {
        var products = new Dictionary<string, int>(StringComparer.Ordinal);
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        static int IndexOf(Dictionary<string, int> names, string name) =>
            names.TryGetValue(name, out var at) ? at : names[name] = names.Count;

        json.WriteStartObject("recs");
        json.WriteStartArray("customers");
        foreach (var customer in recommendations)
        {
            if (customer.Items.IsDefaultOrEmpty || !dataset.TryGetCustomerIndex(customer.CustomerId, out var index))
            {
                continue;
            }

            var items = customer.Items.OrderBy(i => i.Rank).Take(CompleteSections.SampleProducts).ToList();
            json.WriteStartArray();
            json.WriteNumberValue(index);
            json.WriteNumberValue(IndexOf(reasons, items[0].Reason));
            foreach (var item in items)
            {
                json.WriteNumberValue(IndexOf(products, CompleteSections.ProductLabel(dataset, item.ProductId)));
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        Names(json, "products", products);
        Names(json, "reasons", reasons);
        json.WriteEndObject();
    }

    private static void Names(Utf8JsonWriter json, string name, Dictionary<string, int> names)
    {
        json.WriteStartArray(name);
        foreach (var (text, _) in names.OrderBy(n => n.Value))
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
    }
}

/// <summary>The model outputs of a pipeline run the page embeds (all empty for a page built from a dataset).</summary>
/// <param name="Rfm">The RFM result (its analysis date).</param>
/// <param name="Clv">The lifetime values, or <see langword="null"/>.</param>
/// <param name="Recommendations">The recommendations, or default.</param>
internal sealed record RunModels(RfmResult? Rfm, ClvResult? Clv, ImmutableArray<CustomerRecommendations> Recommendations);
