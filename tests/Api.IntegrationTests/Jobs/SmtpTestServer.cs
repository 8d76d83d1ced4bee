using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace WorkOrders.Api.IntegrationTests.Jobs;

/// <summary>A real SMTP server (the SmtpServer package) on 127.0.0.1 and a free port: keeps every message it
/// accepts (parsed with MimeKit), or refuses them while <see cref="Reject"/> is set.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly Task _running;

    public SmtpTestServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>While true, every message is refused (554), as a failing mail server would.</summary>
    public bool Reject { get; set; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public void Clear() => _received.Clear();

    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<ReceivedMail, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Received.Where(predicate).ToList();
            if (found.Count >= count || DateTime.UtcNow > deadline)
            {
                return found;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.Reject)
            {
                return SmtpResponse.TransactionFailed;
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var envelope = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            server._received.Enqueue(new ReceivedMail(message, envelope));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A message as the server received it: the parsed MIME message and the envelope recipients.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeTo)
{
    public string Subject => Message.Subject ?? string.Empty;

    public string Text => Message.TextBody ?? string.Empty;

    public string Html => Message.HtmlBody ?? string.Empty;

    public string MessageId => Message.MessageId ?? string.Empty;

    public IReadOnlyList<string> To => Message.To.Mailboxes.Select(m => m.Address).ToList();

    public IReadOnlyList<MimePart> Attachments => Message.Attachments.OfType<MimePart>().ToList();

    public static byte[] AttachmentBytes(MimePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
