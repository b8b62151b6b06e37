using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The exceptions of staging and the join, thrown through small helpers (the hot paths stay small and the texts stay in
/// one place); the ones about rows name the row's source, line and column.
/// </summary>
[StackTraceHidden]
internal static class StagingThrow
{
    [DoesNotReturn]
    public static void InvalidOperationException_Built() =>
        throw new InvalidOperationException("This builder has built its dataset already; create a new builder for another dataset.");

    [DoesNotReturn]
    public static void InvalidOperationException_SecondGuest(string guestId) =>
        throw new InvalidOperationException($"The guest customer is '{guestId}' already; a dataset has one guest.");

    [DoesNotReturn]
    public static void ArgumentException_NegativeListPrice(Product product, string paramName) =>
        throw new ArgumentException($"Product '{product.Id}' has a negative list price ({product.ListPrice!.Value.ToString(CultureInfo.InvariantCulture)}).", paramName);

    [DoesNotReturn]
    public static void ArgumentException_InexactListPrice(Product product, string paramName) =>
        throw new ArgumentException($"Product '{product.Id}' has a list price ({product.ListPrice!.Value.ToString(CultureInfo.InvariantCulture)}) with more than {Money.Scale} decimal places or too large to keep exactly.", paramName);

    [DoesNotReturn]
    public static void InvalidOperationException_PartAppendedTwice() =>
        throw new InvalidOperationException("This part of a parallel load was appended already.");

    /// <summary>
    /// The strict join's failure: every transaction that names an unknown customer or product (as far as listed), each
    /// with its source, line, column (<c>customer_id</c>, <c>product_id</c>) and value.
    /// </summary>
    [DoesNotReturn]
    public static void DataLoadException_UnknownReferences(Loading.DataLoadException error) => throw error;
}
