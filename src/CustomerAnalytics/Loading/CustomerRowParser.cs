using CustomerAnalytics.Model;

namespace CustomerAnalytics.Loading;

/// <summary>Customer rows: id and segment required, signup date and name optional; ids unique within the source.</summary>
internal sealed class CustomerRowParser(LoadSession session) : CollectingRowParser<Customer>(session)
{
    private readonly Utf8Interner _ids = new();
    private readonly Utf8Interner _segments = new();
    private readonly Utf8Interner _names = new();
    private readonly List<long> _firstLines = [];
    private Column _id;
    private Column _segment;
    private Column _signup;
    private Column _name;

    public override void ParseRow(TabularReader reader)
    {
        var index = ReadId(reader, _id, _ids, "customer id");
        var id = index >= 0 ? _ids[index] : null;
        var segment = ReadRequiredText(reader, _segment, _segments, "segment");
        TryReadDate(reader, _signup, out var signup);
        var name = ReadOptionalText(reader, _name, _names, "name");
        if (id is not null)
        {
            CheckUnique(_firstLines, index, _id, id, "customer id");
        }

        if (Session.EndRow())
        {
            Rows.Add(new Customer(id!, segment!, signup, name));
        }
    }

    protected override void BindColumns(ColumnBinder binder)
    {
        var columns = Options.CustomerColumns;
        _id = binder.Required(columns.Id, nameof(LoadOptions.CustomerColumns), nameof(CustomerColumns.Id));
        _segment = binder.Required(columns.Segment, nameof(LoadOptions.CustomerColumns), nameof(CustomerColumns.Segment));
        _signup = binder.Optional(columns.SignupDate);
        _name = binder.Optional(columns.Name);
    }
}
