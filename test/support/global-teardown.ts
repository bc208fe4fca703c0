/** Stops the engine and the S3 server globalSetup started; jest runs this even when tests fail. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__LOCAL_S3__?.stop();
  await globalThis.__DYNAMODB_ENGINE__?.stop();
}
