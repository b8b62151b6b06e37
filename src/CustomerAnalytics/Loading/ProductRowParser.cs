using CustomerAnalytics.Internal;
using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>Product rows: id and category required, list price (not negative) and name optional; ids unique within the source.</summary>
internal sealed class ProductRowParser(LoadSession session) : CollectingRowParser<Product>(session)
{
    private readonly Utf8Interner _ids = new();
    private readonly Utf8Interner _categories = new();
    private readonly Utf8Interner _names = new();
    private readonly List<long> _firstLines = [];
    private Column _id;
    private Column _category;
    private Column _price;
    private Column _name;

    public override void ParseRow(TabularReader reader)
    {
        var index = ReadId(reader, _id, _ids, "product id");
        var id = index >= 0 ? _ids[index] : null;
        var category = ReadRequiredText(reader, _category, _categories, "category");
        TryReadMoney(reader, _price, allowNegative: false, out var price);
        var name = ReadOptionalText(reader, _name, _names, "name");
        if (id is not null)
        {
            CheckUnique(_firstLines, index, _id, id, "product id");
        }

        if (Session.EndRow())
        {
            Rows.Add(new Product(id!, category!, price == Money.None ? null : Money.ToDecimal(price), name));
        }
    }

    protected override void BindColumns(ColumnBinder binder)
    {
        var columns = Options.ProductColumns;
        _id = binder.Required(columns.Id, nameof(LoadOptions.ProductColumns), nameof(ProductColumns.Id));
        _category = binder.Required(columns.Category, nameof(LoadOptions.ProductColumns), nameof(ProductColumns.Category));
        _price = binder.Optional(columns.Price);
        _name = binder.Optional(columns.Name);
    }
}
