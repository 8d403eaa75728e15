using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace RaspAnalyzers.Guards;

/// <summary>
/// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself, judges every address, and
/// connects to the address it judged: a name that resolves to an internal address, at any moment, is refused, so
/// a rebinding DNS answer between check and connect has nothing to exploit.
/// </summary>
public sealed class SsrfConnectGuard
{
    private readonly RaspGuard _guard;

    /// <summary>Creates the callback's owner.</summary>
    /// <param name="guard">The guard.</param>
    public SsrfConnectGuard(RaspGuard guard)
    {
        _guard = guard ?? throw new ArgumentNullException(nameof(guard));
    }

    /// <summary>Creates a handler whose connections pass through this guard.</summary>
    /// <returns>The handler.</returns>
    public SocketsHttpHandler CreateHandler() => new() { ConnectCallback = ConnectAsync };

    /// <summary>Opens a connection for <paramref name="context"/> to an allowed address.</summary>
    /// <param name="context">The endpoint to reach.</param>
    /// <param name="cancellationToken">Cancels resolving and connecting.</param>
    /// <returns>The connected stream.</returns>
    /// <exception cref="RaspBlockedException">Every address of the host is refused in Block mode.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DnsEndPoint endPoint = context.DnsEndPoint;
        string host = endPoint.Host.Trim('[', ']');
        IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);

        foreach (IPAddress address in addresses)
        {
            if (!_guard.AllowConnection(address))
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new RaspBlockedException(AttackClass.Ssrf, "http-connect");
    }
}
