using CustomerAnalytics.Kpis;
using CustomerAnalytics.Lifetime;

namespace CustomerAnalytics.Artifacts;

/// <summary>The writers of the time-series, cohort, RFM and lifetime-value artifacts. Schemas: <c>docs/artifacts.md</c>.</summary>
public static partial class CsvArtifacts
{
    /// <summary>Writes <c>kpi_by_period.csv</c>: one row per period, in the given order (oldest first from <see cref="CustomerKpiCalculator.ByPeriod"/>).</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="periods">The periods.</param>
    public static void WritePeriods(Stream stream, IEnumerable<PeriodKpi> periods)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(periods);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "period", "period_start", "revenue", "orders", "returns", "units", "active_customers", "new_customers", "returning_customers", "average_order_value", "units_per_order", "revenue_per_customer", "returning_customer_rate");
        foreach (var p in periods)
        {
            csv.WriteField(p.Period);
            csv.WriteField(p.Start, ArtifactCsv.DateFormat);
            ArtifactCsv.Money(csv, p.Revenue);
            csv.WriteField(p.Orders, default);
            csv.WriteField(p.Returns, default);
            csv.WriteField(p.Units, default);
            csv.WriteField(p.ActiveCustomers, default);
            csv.WriteField(p.NewCustomers, default);
            csv.WriteField(p.ReturningCustomers, default);
            ArtifactCsv.Money(csv, p.AverageOrderValue);
            ArtifactCsv.Score(csv, p.UnitsPerOrder);
            ArtifactCsv.Money(csv, p.RevenuePerCustomer);
            ArtifactCsv.Score(csv, p.ReturningCustomerRate);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>cohorts.csv</c>: one row per cohort and month since acquisition, in the given order.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="cells">The cohort cells.</param>
    public static void WriteCohorts(Stream stream, IEnumerable<CohortCell> cells)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(cells);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "cohort", "cohort_start", "cohort_size", "months_since_acquisition", "active_customers", "retention_rate", "revenue");
        foreach (var c in cells)
        {
            csv.WriteField(c.Cohort);
            csv.WriteField(c.CohortStart, ArtifactCsv.DateFormat);
            csv.WriteField(c.CohortSize, default);
            csv.WriteField(c.MonthsSinceAcquisition, default);
            csv.WriteField(c.ActiveCustomers, default);
            ArtifactCsv.Score(csv, c.RetentionRate);
            ArtifactCsv.Money(csv, c.Revenue);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>rfm.csv</c>: one row per scored customer, by customer id.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="rfm">The RFM result.</param>
    public static void WriteRfm(Stream stream, RfmResult rfm)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rfm);
        using var csv = new Utf8CsvWriter(stream);
        csv.Header("customer_id", "analysis_date", "last_purchase", "recency_days", "frequency", "monetary", "r_score", "f_score", "m_score", "rfm_score", "segment");
        foreach (var c in rfm.Customers)
        {
            csv.Text(c.CustomerId);
            csv.Date(rfm.AnalysisDate);
            csv.Date(c.LastPurchase);
            csv.Integer(c.Recency);
            csv.Integer(c.Frequency);
            csv.Money(c.Monetary);
            csv.Integer(c.RecencyScore);
            csv.Integer(c.FrequencyScore);
            csv.Integer(c.MonetaryScore);
            csv.Text(c.Score);
            csv.Text(SegmentName(c.Segment));
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>rfm_segments.csv</c>: one row per segment, Champions first, empty segments included.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="rfm">The RFM result.</param>
    public static void WriteRfmSegments(Stream stream, RfmResult rfm)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rfm);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "segment", "customers", "customer_share", "revenue", "revenue_share");
        foreach (var s in rfm.Segments)
        {
            csv.WriteField(SegmentName(s.Segment));
            csv.WriteField(s.Customers, default);
            ArtifactCsv.Score(csv, s.CustomerShare);
            ArtifactCsv.Money(csv, s.Revenue);
            ArtifactCsv.Score(csv, s.RevenueShare);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>clv.csv</c>: one row per customer of the summary, in its order.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="clv">The lifetime values.</param>
    public static void WriteClv(Stream stream, ClvResult clv)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(clv);
        using var csv = new Utf8CsvWriter(stream);
        csv.Header("customer_id", "frequency", "recency", "t", "monetary_value", "p_alive", "expected_purchases", "expected_average_spend", "clv");
        foreach (var c in clv.Customers)
        {
            csv.Text(c.CustomerId);
            csv.Integer(c.Frequency);
            csv.Score(c.Recency);
            csv.Score(c.T);
            csv.Money(Math.Round(c.MonetaryValue, 4, MidpointRounding.AwayFromZero));
            csv.Score(c.ProbabilityAlive);
            csv.Score(c.ExpectedPurchases);
            csv.Money(c.ExpectedAverageSpend);
            csv.Money(c.Clv);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>calibration_holdout.csv</c>: one row per calibration frequency, ascending.</summary>
    /// <param name="stream">The destination.</param>
    /// <param name="rows">The rows of <see cref="CalibrationHoldoutCalculator.Compute"/>.</param>
    public static void WriteCalibrationHoldout(Stream stream, IEnumerable<CalibrationHoldoutRow> rows)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = ArtifactCsv.Create(stream);
        ArtifactCsv.Header(csv, "frequency_cal", "customers", "actual_holdout_purchases", "predicted_holdout_purchases");
        foreach (var r in rows)
        {
            csv.WriteField(r.Frequency, default);
            csv.WriteField(r.Customers, default);
            ArtifactCsv.Score(csv, r.ActualPurchases);
            ArtifactCsv.Score(csv, r.PredictedPurchases);
            csv.EndRecord();
        }
    }

    /// <summary>The display name of a segment: <c>Potential Loyalists</c>, <c>Can't Lose</c>.</summary>
    internal static string SegmentName(RfmSegment segment) => segment switch
    {
        RfmSegment.PotentialLoyalists => "Potential Loyalists",
        RfmSegment.NeedAttention => "Need Attention",
        RfmSegment.AboutToSleep => "About to Sleep",
        RfmSegment.AtRisk => "At Risk",
        RfmSegment.CantLose => "Can't Lose",
        _ => segment.ToString(),
    };
}
