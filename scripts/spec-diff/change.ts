/** One difference between two versions of the spec, judged from an existing client's side. */
export interface SpecChange {
  readonly breaking: boolean;
  readonly location: string;
  readonly message: string;
}

export const breaking = (location: string, message: string): SpecChange => ({
  breaking: true,
  location,
  message,
});

export const compatible = (location: string, message: string): SpecChange => ({
  breaking: false,
  location,
  message,
});
