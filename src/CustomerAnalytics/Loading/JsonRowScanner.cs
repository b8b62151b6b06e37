using System.Text.Json;

namespace CustomerAnalytics.Loading;

/// <summary>
/// Finds the rows of a JSON source with <see cref="Utf8JsonReader"/>, streaming: the objects of one JSON array, or one
/// object per line (JSON Lines), each read into a <see cref="JsonRow"/>. A row that is not an object is returned
/// rejected; a syntax error ends an array (its rows cannot be told apart after it) but only rejects a line.
/// </summary>
internal sealed class JsonRowScanner(JsonInput input, JsonRow row, bool lines)
{
    private bool _arrayOpen;
    private bool _arrayDone;
    private bool _inObject;
    private int _nestedDepth;
    private JsonReaderState _state;

    private enum Status
    {
        Row,
        End,
        NeedMore,
    }

    /// <summary>Reads the next row into the <see cref="JsonRow"/>; <see langword="false"/> at the end.</summary>
    public bool ReadNext()
    {
        while (true)
        {
            var status = Pump();
            if (status != Status.NeedMore)
            {
                return status == Status.Row;
            }

            input.ReadMore();
        }
    }

    /// <inheritdoc cref="ReadNext"/>
    public async ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var status = Pump();
            if (status != Status.NeedMore)
            {
                return status == Status.Row;
            }

            await input.ReadMoreAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private Status Pump()
    {
        if (!input.TryBegin())
        {
            // Wait for enough bytes to see (and skip) a UTF-8 byte order mark.
            return Status.NeedMore;
        }

        return lines ? PumpLine() : PumpArray();
    }

    private Status PumpLine()
    {
        while (true)
        {
            var unread = input.Unread;
            // CR, LF and CR LF each end a line (as CsvHelper counts lines); a CR last in the window waits for what follows.
            var newline = unread.IndexOfAny((byte)'\n', (byte)'\r');
            if ((newline < 0 || (newline == unread.Length - 1 && unread[newline] == (byte)'\r')) && !input.Final)
            {
                return Status.NeedMore;
            }

            if (newline < 0 && unread.IsEmpty)
            {
                return Status.End;
            }

            var length = newline < 0 ? unread.Length : newline;
            var breakLength = newline < 0 ? 0 : unread[newline..].StartsWith("\r\n"u8) ? 2 : 1;
            var line = unread[..length];
            var number = input.TakeLine(length + breakLength);
            if (FieldParsers.Trim(line).IsEmpty)
            {
                continue;
            }

            row.Begin(number);
            ReadLine(line);
            return Status.Row;
        }
    }

    /// <summary>One line of JSON Lines into the row: an object, or the row rejected as unreadable.</summary>
    private void ReadLine(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                row.Problem = new JsonRowProblem("the line does not hold a JSON object") { Unreadable = true };
                return;
            }

            _inObject = true;
            while (_inObject && reader.Read())
            {
                ObjectToken(ref reader);
            }

            if (reader.Read())
            {
                row.Problem = new JsonRowProblem("the line holds more than one JSON value") { Unreadable = true };
            }
        }
        catch (JsonException ex)
        {
            row.Problem = new JsonRowProblem(JsonRowProblem.Malformed(ex)) { Unreadable = true };
        }
        finally
        {
            _inObject = false;
            _nestedDepth = 0;
        }
    }

    private Status PumpArray()
    {
        if (_arrayDone || !_arrayOpen)
        {
            // Before the array only white space may come (then the source is empty); after it, nothing else.
            var text = input.Unread.IndexOfAnyExcept(" \t\r\n"u8);
            if (text >= 0 && _arrayDone)
            {
                throw new SourceFormatException(input.LineOf(text), "data follows the end of the JSON array", "one JSON array of objects and nothing after its closing ']' but white space", "Join the arrays into one; for one object per line use DataFormat.JsonLines (files named .jsonl or .ndjson).");
            }

            if (text < 0)
            {
                input.ConsumeAll();
                return input.Final ? Status.End : Status.NeedMore;
            }
        }

        var reader = new Utf8JsonReader(input.Unread, input.Final, _state);
        var status = Status.NeedMore;
        try
        {
            while (status == Status.NeedMore && reader.Read())
            {
                status = ArrayToken(ref reader);
            }
        }
        catch (JsonException ex)
        {
            throw new SourceFormatException((ex.LineNumber ?? 0) + 1, JsonRowProblem.Malformed(ex), "a JSON array of objects", "A syntax error ends the source in every mode; JSON Lines (one object per line) can reject a bad line and go on.", ex);
        }

        input.Consume((int)reader.BytesConsumed);
        _state = reader.CurrentState;
        if (_arrayDone)
        {
            return PumpArray();
        }

        if (status == Status.NeedMore && input.Final)
        {
            if (!_arrayOpen)
            {
                return Status.End;
            }

            throw new SourceFormatException(input.LineAtEnd(), "the JSON ends before the array is closed", "a JSON array of objects ending with ']'", null);
        }

        return status;
    }

    private Status ArrayToken(ref Utf8JsonReader reader)
    {
        if (_inObject)
        {
            ObjectToken(ref reader);
            return _inObject ? Status.NeedMore : Status.Row;
        }

        if (_nestedDepth > 0)
        {
            // Skipping an array element that is not an object.
            Nest(reader.TokenType);
            return _nestedDepth == 0 ? Status.Row : Status.NeedMore;
        }

        if (!_arrayOpen)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new SourceFormatException(input.LineOf((int)reader.TokenStartIndex), "the JSON does not start with an array", "a JSON array of objects, [ {…}, {…} ]", "For one object per line use DataFormat.JsonLines (files named .jsonl or .ndjson).");
            }

            _arrayOpen = true;
            return Status.NeedMore;
        }

        row.Begin(input.LineOf((int)reader.TokenStartIndex));
        switch (reader.TokenType)
        {
            case JsonTokenType.EndArray:
                _arrayDone = true;
                return Status.End;
            case JsonTokenType.StartObject:
                _inObject = true;
                return Status.NeedMore;
            case JsonTokenType.StartArray:
                row.Problem = new JsonRowProblem("the array element is not an object") { Unreadable = true };
                _nestedDepth = 1;
                return Status.NeedMore;
            default:
                row.Problem = new JsonRowProblem("the array element is not an object") { Unreadable = true };
                return Status.Row;
        }
    }

    /// <summary>One token inside a row object; clears <see cref="_inObject"/> at its end.</summary>
    private void ObjectToken(ref Utf8JsonReader reader)
    {
        if (_nestedDepth > 0)
        {
            Nest(reader.TokenType);
            return;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName:
                row.ReadProperty(ref reader);
                break;
            case JsonTokenType.String:
                row.SetString(ref reader);
                break;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                row.SetValue(reader.ValueSpan);
                break;
            case JsonTokenType.Null:
                row.SetNull();
                break;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                row.RejectNested();
                _nestedDepth = 1;
                break;
            case JsonTokenType.EndObject:
                _inObject = false;
                break;
        }
    }

    private void Nest(JsonTokenType token)
    {
        if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _nestedDepth++;
        }
        else if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            _nestedDepth--;
        }
    }
}
