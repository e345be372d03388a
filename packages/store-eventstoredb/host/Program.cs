// Runs a real single-node KurrentDB inside this process, listening only on a Unix socket
// (insecure), for the @aimline/store-eventstoredb real-server tests.
//
// Usage: dotnet KurrentHost.dll <dataDirectory>
// Prints "READY <socketPath>" on stdout once the server accepts connections, then runs
// until stdin closes (the test runner died or closed it) or SIGTERM / Ctrl-C arrives.
using KurrentDB.Embedded;

var dataDirectory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "aimline-kdb");
Directory.CreateDirectory(dataDirectory);

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.TrySetResult();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });

// stdin closing (EOF) means the parent is gone: stop.
_ = Task.Run(async () => {
    var stdin = Console.OpenStandardInput();
    var buffer = new byte[256];
    while (await stdin.ReadAsync(buffer) > 0) { }
    stop.TrySetResult();
});

var db = new EmbeddedKurrentDB(new EmbeddedKurrentDBOptions {
    DataDirectory = dataDirectory,
    TelemetryOptout = true,
});
await db.StartAsync();
Console.Out.WriteLine($"READY {db.UnixSocketPath}");
Console.Out.Flush();

await stop.Task;
Console.Error.WriteLine("KurrentHost: stopping");
// Only the constructor, StartAsync and UnixSocketPath are documented; stop gracefully when the
// server is disposable, otherwise let the process exit take it down.
if (db is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
else if (db is IDisposable disposable) disposable.Dispose();
