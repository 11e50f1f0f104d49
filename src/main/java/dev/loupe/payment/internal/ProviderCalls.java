package dev.loupe.payment.internal;

import dev.loupe.payment.PaymentProviderException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs provider calls with a time limit, each on its own virtual thread, so a hanging provider cannot hold a
 * request (or a checkout) for longer than the limit. Every failure, including the time limit and an unexpected
 * runtime exception from the provider, comes out as {@link PaymentProviderException}.
 */
@Component
public class ProviderCalls implements AutoCloseable {

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	public <T> T call(String what, Duration timeout, Callable<T> call) {
		Future<T> future = threads.submit(call);
		try {
			return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			future.cancel(true);
			throw new PaymentProviderException(what + " did not answer within " + timeout.toMillis() + " ms");
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof PaymentProviderException failure) {
				throw failure;
			}
			throw new PaymentProviderException(what + " failed: " + cause, cause);
		}
		catch (InterruptedException e) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw new PaymentProviderException(what + " was interrupted");
		}
	}

	@Override
	public void close() {
		threads.shutdownNow();
	}
}
