using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FabricFinance.Monitor.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL 15 server from Debian's packages: a data folder in a temp folder, listening on 127.0.0.1 on
/// a free port (no Unix socket outside the temp folder), trust authentication. PostgreSQL refuses to run as root, so
/// as root it runs as the <c>postgres</c> user through <c>runuser</c>. Stopped by its PID (from postmaster.pid).
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static PostgresServer? _shared;
    private static int _databases;

    private readonly string _root;

    private PostgresServer(string root, int port)
    {
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public static string? MissingReason =>
        File.Exists(Path.Combine(BinDirectory, "initdb")) && File.Exists(Path.Combine(BinDirectory, "pg_ctl"))
            ? null
            : $"PostgreSQL 15 is not installed ({BinDirectory}/initdb and pg_ctl are missing): apt-get install postgresql";

    private string DataDirectory => Path.Combine(_root, "data");

    /// <summary>Gets the server shared by the test run, starting it on first use; the test is ignored when PostgreSQL is missing.</summary>
    public static async Task<PostgresServer> SharedAsync(CancellationToken cancellationToken)
    {
        if (MissingReason is { } reason)
        {
            Assert.Ignore(reason);
        }

        await SharedLock.WaitAsync(cancellationToken);
        try
        {
            return _shared ??= await StartAsync(cancellationToken);
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <summary>Stops the shared server, if one was started.</summary>
    public static async Task StopSharedAsync()
    {
        if (_shared is { } server)
        {
            _shared = null;
            await server.DisposeAsync();
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = "monitor_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse((await File.ReadAllLinesAsync(pidFile))[0], CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                using var postmaster = Process.GetProcessById(pid);
                await RunAsync("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)], asPostgres: false, CancellationToken.None); // fast shutdown
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await postmaster.WaitForExitAsync(timeout.Token);
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a leftover in /tmp is harmless
        }
    }

    private static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "monitor-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false, cancellationToken);
        }

        var server = new PostgresServer(root, FreePort());
        await RunAsync(Path.Combine(BinDirectory, "initdb"), ["-D", server.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true, cancellationToken);
        var settings = $"-h 127.0.0.1 -p {server.Port} -k {root} -F -c fsync=off -c full_page_writes=off -c max_connections=50";
        await RunAsync(
            Path.Combine(BinDirectory, "pg_ctl"),
            ["-D", server.DataDirectory, "-l", Path.Combine(root, "postgres.log"), "-o", settings, "-w", "-t", "60", "start"],
            asPostgres: true,
            cancellationToken);
        return server;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres && IsRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres && IsRoot)
        {
            foreach (var prefix in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        // pg_ctl leaves the server holding the pipes; read until the launcher exits, not until the pipes close.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=10";
}
