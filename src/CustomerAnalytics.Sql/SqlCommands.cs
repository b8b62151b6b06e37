using System.Data;
using System.Data.Common;

namespace CustomerAnalytics.Sql;

/// <summary>Runs one statement and reads its result set; a closed connection is opened for the call and closed again.</summary>
internal static class SqlCommands
{
    public static async Task<T> ReadAsync<T>(DbConnection connection, string sql, IEnumerable<object> parameters, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is built from validated, quoted identifiers (or the application's own query text); every value is a parameter.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var value in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await read(reader, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync().ConfigureAwait(false);
            }
        }
    }
}
