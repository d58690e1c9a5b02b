// Gives a snippet `fetchForecast`, a stand-in for a weather service that honours an AbortSignal.
async function fetchForecast(city: string, days: number, options: { signal: AbortSignal }) {
  options.signal.throwIfAborted();
  return { city, daily: Array.from({ length: days }, (_, day) => ({ day, celsius: 18 + day })) };
}
