using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RaspAnalyzers.Audit;

/// <summary>
/// The audit trail: events are redacted on the caller's thread, queued in a bounded channel, then chained by SHA-256,
/// checkpointed with a signature every <see cref="AuditTrailOptions.CheckpointInterval"/> events and written as JSON
/// lines to rotating segment files by one writer.
/// </summary>
/// <remarks>
/// One process writes one trail directory: two processes appending to the same directory would fork the chain, and
/// nothing here locks the directory against that.
/// </remarks>
public sealed class HashChainedAuditLog : IAuditTrail, IAsyncDisposable
{
    private const int BatchSize = 256;

    private readonly AuditTrailOptions _options;
    private readonly Redactor _phiRedactor;
    private readonly AuditCheckpointSigner _signer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IAuditRecordObserver[] _observers;
    private readonly Channel<QueueItem> _queue;
    private readonly AuditFileWriter _file;
    private readonly byte[] _head;
    private readonly byte[] _hexBuffer = new byte[AuditRecordFormat.HashHexLength];
    private readonly ArrayBufferWriter<byte> _recordBuffer = new(1024);
    private readonly Utf8JsonWriter _recordWriter;
    private readonly Task _writer;
    private string _headHex;
    private long _sequence;
    private long _eventsSinceCheckpoint;
    private long _droppedSinceCheckpoint;
    private long _droppedTotal;
    private volatile Exception? _failure;
    private int _closed;

    /// <summary>Opens the trail in <see cref="AuditTrailOptions.Directory"/>, continuing its chain, and starts writing.</summary>
    /// <param name="options">Where and how to write.</param>
    /// <param name="phiRedactor">The redactor for <see cref="PhiTaxonomy.Phi"/>, by default a keyed HMAC redactor.</param>
    /// <param name="signer">Signs the checkpoints; it must hold a private or secret key.</param>
    /// <param name="logger">Logs the trail's own state, never an event's content.</param>
    /// <param name="timeProvider">The clock of the recorded times.</param>
    /// <param name="observers">Forward each written record elsewhere, such as to a SIEM.</param>
    public HashChainedAuditLog(
        AuditTrailOptions options,
        Redactor phiRedactor,
        AuditCheckpointSigner signer,
        ILogger<HashChainedAuditLog>? logger = null,
        TimeProvider? timeProvider = null,
        IEnumerable<IAuditRecordObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(phiRedactor);
        ArgumentNullException.ThrowIfNull(signer);
        options.Validate();
        if (!signer.CanSign)
        {
            throw new ArgumentException("The checkpoint key can only verify; the trail needs a key that signs.", nameof(signer));
        }

        _options = options;
        _phiRedactor = phiRedactor;
        _signer = signer;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _observers = observers?.ToArray() ?? Array.Empty<IAuditRecordObserver>();

        _recordWriter = new Utf8JsonWriter(_recordBuffer, CanonicalJson.WriterOptions);
        _file = AuditFileWriter.Open(options.Directory, options.FilePrefix, out var head);
        _head = head.Hash;
        _headHex = AuditRecordFormat.ToHex(_head);
        _sequence = head.Sequence;
        if (head.TornTail)
        {
            AuditLogMessages.TornTail(_logger, _file.SegmentPath);
        }

        AuditLogMessages.Opened(_logger, _file.SegmentPath, _sequence);

        _queue = Channel.CreateBounded<QueueItem>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteQueuedAsync);
    }

    /// <summary>The sequence number of the last record written.</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>How many events were dropped because the queue was full (<see cref="AuditQueueFullPolicy.DropNewest"/>).</summary>
    public long DroppedEvents => Interlocked.Read(ref _droppedTotal);

    /// <inheritdoc />
    public ValueTask AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ThrowIfUnavailable();

        // Redacting here spreads the HMAC work over the callers; the single writer only chains and writes.
        var item = new QueueItem(AuditEventSerializer.Serialize(auditEvent, _phiRedactor), null);
        if (_queue.Writer.TryWrite(item))
        {
            return default;
        }

        ThrowIfUnavailable();
        if (_options.FullPolicy == AuditQueueFullPolicy.DropNewest)
        {
            CountDropped();
            return default;
        }

        return WaitForRoomAsync(item, cancellationToken);
    }

    /// <inheritdoc />
    public bool TryAppend(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (_failure is null && Volatile.Read(ref _closed) == 0
            && _queue.Writer.TryWrite(new QueueItem(AuditEventSerializer.Serialize(auditEvent, _phiRedactor), null)))
        {
            return true;
        }

        CountDropped();
        return false;
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnavailable();
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new QueueItem(null, flushed), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException exception)
        {
            throw new AuditTrailUnavailableException("The audit trail is closed.", exception);
        }

        await flushed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then a final signed checkpoint, and closes the trail.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _queue.Writer.TryComplete();
        }

        await _writer.ConfigureAwait(false);
    }

    private void CountDropped()
    {
        Interlocked.Increment(ref _droppedTotal);
        var dropped = Interlocked.Increment(ref _droppedSinceCheckpoint);
        if (dropped == 1 || dropped % 1000 == 0)
        {
            AuditLogMessages.Dropped(_logger, dropped);
        }
    }

    private async ValueTask WaitForRoomAsync(QueueItem item, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.MaxEnqueueWait);
        try
        {
            await _queue.Writer.WriteAsync(item, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AuditTrailUnavailableException(
                $"The audit queue stayed full for {_options.MaxEnqueueWait.TotalMilliseconds:0} ms; the event was not recorded.");
        }
        catch (ChannelClosedException exception)
        {
            throw new AuditTrailUnavailableException("The audit trail is closed.", exception);
        }
    }

    private void ThrowIfUnavailable()
    {
        if (_failure is { } failure)
        {
            throw new AuditTrailUnavailableException("The audit trail cannot write.", failure);
        }

        if (Volatile.Read(ref _closed) != 0)
        {
            throw new AuditTrailUnavailableException("The audit trail is closed.");
        }
    }

    private async Task WriteQueuedAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var inBatch = 0;
                while (inBatch < BatchSize && reader.TryRead(out var item))
                {
                    if (item.Flushed is { } flushed)
                    {
                        _file.Flush(_options.FlushPolicy == AuditFlushPolicy.EveryBatchToDisk);
                        flushed.TrySetResult();
                        continue;
                    }

                    AppendEvent(item.EventJson!);
                    inBatch++;
                }

                _file.Flush(_options.FlushPolicy == AuditFlushPolicy.EveryBatchToDisk);
            }

            AppendCheckpoint(final: true);
            _file.Dispose();
            _recordWriter.Dispose();
            AuditLogMessages.Closed(_logger, _sequence, _headHex);
        }
        catch (Exception exception)
        {
            // Fail closed: callers learn of it on their next append instead of losing events silently.
            _failure = exception;
            AuditLogMessages.WriteFailed(_logger, exception);
            _queue.Writer.TryComplete(exception);
            while (reader.TryRead(out var item))
            {
                item.Flushed?.TrySetException(new AuditTrailUnavailableException("The audit trail cannot write.", exception));
            }
        }
    }

    private void AppendEvent(byte[] eventJson)
    {
        // One buffer and one JSON writer serve every record: the writer thread allocates little per event.
        _recordBuffer.ResetWrittenCount();
        _recordWriter.Reset(_recordBuffer);
        AuditRecordFormat.WriteEventRecord(
            _recordWriter, eventJson, _headHex, AuditCodes.Instant(_time.GetUtcNow()), _sequence + 1);
        AppendRecord(_recordBuffer.WrittenMemory, AuditRecordFormat.EventKind);

        if (++_eventsSinceCheckpoint >= _options.CheckpointInterval)
        {
            AppendCheckpoint(final: false);
        }

        if (_file.SegmentLength >= _options.MaxSegmentBytes)
        {
            // Each closed segment ends signed, so a segment checked alone still proves its own end.
            if (_eventsSinceCheckpoint > 0)
            {
                AppendCheckpoint(final: false);
            }

            _file.Rotate();
        }
    }

    private void AppendCheckpoint(bool final)
    {
        var fields = new CheckpointFields(
            _signer.Algorithm,
            Interlocked.Exchange(ref _droppedSinceCheckpoint, 0),
            final,
            _signer.KeyId,
            _headHex,
            AuditCodes.Instant(_time.GetUtcNow()),
            _sequence + 1);
        var signature = _signer.Sign(AuditRecordFormat.CheckpointSigningInput(fields));
        AppendRecord(AuditRecordFormat.CheckpointRecord(fields, signature), AuditRecordFormat.CheckpointKind);
        _file.Flush(toDisk: true);
        _eventsSinceCheckpoint = 0;
    }

    private void AppendRecord(ReadOnlyMemory<byte> record, string kind)
    {
        AuditRecordFormat.ComputeHash(_head, record.Span, _head);
        AuditRecordFormat.WriteHex(_head, _hexBuffer);
        _headHex = System.Text.Encoding.ASCII.GetString(_hexBuffer);
        _file.Append(AuditRecordFormat.LinePrefix);
        _file.Append(_hexBuffer);
        _file.Append(AuditRecordFormat.RecordInfix);
        _file.Append(record.Span);
        _file.Append("}\n"u8);
        Interlocked.Increment(ref _sequence);
        if (_options.FlushPolicy == AuditFlushPolicy.EveryRecord)
        {
            _file.Flush(toDisk: false);
        }

        foreach (var observer in _observers)
        {
            try
            {
                observer.OnRecordWritten(new AuditRecordWritten(_sequence, kind, _headHex, record));
            }
            catch (Exception exception)
            {
                AuditLogMessages.ObserverFailed(_logger, observer.GetType().Name, exception);
            }
        }
    }

    private readonly record struct QueueItem(byte[]? EventJson, TaskCompletionSource? Flushed);
}
