using CustomerAnalytics.Internal;

namespace CustomerAnalytics.Enrichment.Staging;

/// <summary>
/// The transactions staged so far, one chunked column per field (dimension references by the staging's dense
/// indexes, money in <see cref="Money"/> units), their ids and their sources; a part's columns join by
/// <see cref="MoveFrom"/>, and <see cref="Seal"/> turns them into the arrays the join works on.
/// </summary>
internal sealed class StagedColumns
{
    private readonly ChunkedColumn<int> _customers = new();
    private readonly ChunkedColumn<int> _products = new();
    private readonly ChunkedColumn<int> _orders = new();
    private readonly ChunkedColumn<int> _quantities = new();
    private readonly ChunkedColumn<long> _ticks = new();

    // Stored only from the first line that brings its own unit price or total.
    private ChunkedColumn<long>? _unitPrices;
    private ChunkedColumn<long>? _lineTotals;

    // Stored only from the first line that brings a weight (NaN before it: none).
    private ChunkedColumn<float>? _weights;

    /// <summary>The rows staged.</summary>
    public int Count => _customers.Count;

    /// <summary>Each row's transaction id.</summary>
    public IdAccumulator Ids { get; } = new();

    /// <summary>Each row's source and line, to place the join's issues.</summary>
    public RowSources Sources { get; } = new();

    /// <summary>Stages one row; its id goes to <see cref="Ids"/> separately; <paramref name="weight"/> NaN is none.</summary>
    public void Add(int customer, int product, int quantity, long utcTicks, long unitPriceUnits, int order, long lineTotalUnits, long line, float weight = float.NaN)
    {
        var rowsBefore = _customers.Count;
        _customers.Add(customer);
        _products.Add(product);
        _orders.Add(order);
        _quantities.Add(quantity);
        _ticks.Add(utcTicks);
        AddOptional(ref _unitPrices, unitPriceUnits, rowsBefore);
        AddOptional(ref _lineTotals, lineTotalUnits, rowsBefore);
        AddOptional(ref _weights, weight, float.IsNaN(weight), float.NaN, rowsBefore);
        Sources.Add(line, rowsBefore);
    }

    /// <summary>Makes the next rows go to one region of <paramref name="columns"/> (see <see cref="PartColumns"/>).</summary>
    public void UseRegion(PartColumns columns, int offset, int capacity)
    {
        _customers.UseRegion(columns.Customers, offset, capacity);
        _products.UseRegion(columns.Products, offset, capacity);
        _orders.UseRegion(columns.Orders, offset, capacity);
        _quantities.UseRegion(columns.Quantities, offset, capacity);
        _ticks.UseRegion(columns.Ticks, offset, capacity);
    }

    /// <summary>
    /// Appends the rows of a part, its dimension and order indexes mapped to the indexes here, its numeric ids
    /// raised by <paramref name="numberOffset"/>, its lines by <paramref name="lineOffset"/>; the part is empty afterwards.
    /// </summary>
    public void MoveFrom(StagedColumns part, int[] customerMap, int[] productMap, int[] orderMap, long numberOffset, long lineOffset)
    {
        var rowsBefore = Count;
        var partRows = part.Count;
        Parallel.Invoke(
            () => Remap(part._customers, customerMap),
            () => Remap(part._products, productMap),
            () => Remap(part._orders, orderMap));
        _customers.MoveFrom(part._customers);
        _products.MoveFrom(part._products);
        _orders.MoveFrom(part._orders);
        _quantities.MoveFrom(part._quantities);
        _ticks.MoveFrom(part._ticks);
        AppendOptional(ref _unitPrices, part._unitPrices, rowsBefore, partRows);
        AppendOptional(ref _lineTotals, part._lineTotals, rowsBefore, partRows);
        AppendOptional(ref _weights, part._weights, float.NaN, rowsBefore, partRows);
        Sources.MoveFrom(part.Sources, lineOffset, rowsBefore, partRows);
        Ids.AddRange(part.Ids.ToColumn(), numberOffset);
    }

    /// <summary>
    /// Ends the staging: the columns as arrays, copied out of their chunks on every core (the copy is bound by memory,
    /// not by one core); the revenue array holds the line totals when some line brought one.
    /// </summary>
    public SealedColumns Seal()
    {
        var rowCount = Count;
        int[] customers = [], products = [], orders = [], quantities = [];
        long[] ticks = [], revenue = [];
        long[]? unitPrices = null;
        float[]? weights = null;
        IdColumn ids = null!;
        Parallel.Invoke(
            () => customers = _customers.ToArray(),
            () => products = _products.ToArray(),
            () => orders = _orders.ToArray(),
            () => quantities = _quantities.ToArray(),
            () => ticks = _ticks.ToArray(),
            () => unitPrices = _unitPrices?.ToArray(),
            () => weights = _weights?.ToArray(),
            () => revenue = _lineTotals?.ToArray() ?? LargeArray.Uninitialized<long>(rowCount),
            () => ids = Ids.ToColumn(),
            Sources.Seal);
        return new SealedColumns(rowCount, customers, products, orders, quantities, ticks, revenue, unitPrices, _lineTotals is null ? null : revenue, ids) { Weights = weights };
    }

    /// <summary>Indexes of a part (−1: none) → indexes here, in place.</summary>
    private static void Remap(ChunkedColumn<int> column, int[] map)
    {
        for (var c = 0; c < column.ChunkCount; c++)
        {
            var chunk = column.ChunkSpan(c);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (chunk[i] >= 0)
                {
                    chunk[i] = map[chunk[i]];
                }
            }
        }
    }

    private static void AppendOptional(ref ChunkedColumn<long>? column, ChunkedColumn<long>? part, int rowsBefore, int partRows) =>
        AppendOptional(ref column, part, Money.None, rowsBefore, partRows);

    private static void AppendOptional<T>(ref ChunkedColumn<T>? column, ChunkedColumn<T>? part, T none, int rowsBefore, int partRows)
    {
        if (part is null)
        {
            column?.AddMany(none, partRows);
            return;
        }

        if (column is null)
        {
            column = new ChunkedColumn<T>();
            column.AddMany(none, rowsBefore);
        }

        column.MoveFrom(part);
    }

    private static void AddOptional(ref ChunkedColumn<long>? column, long units, int rowsBefore) =>
        AddOptional(ref column, units, units == Money.None, Money.None, rowsBefore);

    private static void AddOptional<T>(ref ChunkedColumn<T>? column, T value, bool isNone, T none, int rowsBefore)
    {
        if (column is null)
        {
            if (isNone)
            {
                return;
            }

            column = new ChunkedColumn<T>();
            column.AddMany(none, rowsBefore);
        }

        column.Add(value);
    }
}
