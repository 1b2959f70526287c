// Finnish and Swedish are equal (county rule 6); English is the third language.
export enum Language {
  Fi = 'fi',
  Sv = 'sv',
  En = 'en',
}

export type Translations<T> = Record<Language, T>;
