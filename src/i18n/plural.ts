/** The forms a count can take: English uses one/other, Russian one/few/many (1 чек, 2 чека, 5 чеков). */
export interface PluralForms {
  one: string
  few?: string
  many?: string
  other: string
}

const rules = new Map<string, Intl.PluralRules>()

/** The form of `forms` that `count` takes in `locale`; built once per locale, like the formatters. */
export function plural(locale: string, count: number, forms: PluralForms): string {
  let rule = rules.get(locale)
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)))
  const category = rule.select(count)
  return (
    (category === 'one' || category === 'few' || category === 'many'
      ? forms[category]
      : undefined) ?? forms.other
  )
}
